using AutoMapper;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Profiles.Commands.UnfollowUser;

/// <summary>
/// Idempotent: unfollowing someone not followed changes nothing and answers <c>following: false</c>. One DELETE by key,
/// so a concurrent identical request simply deletes nothing.
/// </summary>
[Authorize]
public sealed record UnfollowUserCommand(string Username) : IRequest<ProfileDto>;

public sealed class UnfollowUserCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<UnfollowUserCommand, ProfileDto>
{
    public async Task<ProfileDto> Handle(UnfollowUserCommand request, CancellationToken cancellationToken)
    {
        var followerId = currentUser.Id!.Value;
        var followeeId = await ProfileQueries.GetIdByUsernameAsync(db, request.Username, cancellationToken);

        await db.Follows.Where(f => f.FollowerId == followerId && f.FolloweeId == followeeId).ExecuteDeleteAsync(cancellationToken);

        return await ProfileQueries.GetByUsernameAsync(db, mapping, request.Username, followerId, cancellationToken);
    }
}
