using AutoMapper;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Profiles;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Profiles.Commands.FollowUser;

/// <summary>Idempotent: following someone already followed changes nothing and still answers <c>following: true</c>.</summary>
[Authorize]
public sealed record FollowUserCommand(string Username) : IRequest<ProfileDto>;

public sealed class FollowUserCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<FollowUserCommand, ProfileDto>
{
    public async Task<ProfileDto> Handle(FollowUserCommand request, CancellationToken cancellationToken)
    {
        var followerId = currentUser.Id!.Value;
        var followeeId = await ProfileQueries.GetIdByUsernameAsync(db, request.Username, cancellationToken);

        if (!await db.Follows.AnyAsync(f => f.FollowerId == followerId && f.FolloweeId == followeeId, cancellationToken))
        {
            var follow = Follow.Create(followerId, followeeId);
            db.Follows.Add(follow);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (UniqueConstraintViolationException)
            {
                // A concurrent identical request inserted the pair first: the caller follows the user either way.
                db.Follows.Remove(follow);
            }
        }

        return await ProfileQueries.GetByUsernameAsync(db, mapping, request.Username, followerId, cancellationToken);
    }
}
