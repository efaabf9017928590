using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Profiles.Commands.UnfollowUser;

/// <summary>Idempotent: unfollowing someone not followed changes nothing and answers <c>following: false</c>.</summary>
[Authorize]
public sealed record UnfollowUserCommand(string Username) : IRequest<ProfileDto>;

public sealed class UnfollowUserCommandHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IRequestHandler<UnfollowUserCommand, ProfileDto>
{
    public async Task<ProfileDto> Handle(UnfollowUserCommand request, CancellationToken cancellationToken)
    {
        var followerId = currentUser.Id!.Value;
        var followeeId = await ProfileQueries.GetIdByUsernameAsync(db, request.Username, cancellationToken);

        var follow = await db.Follows.SingleOrDefaultAsync(
            f => f.FollowerId == followerId && f.FolloweeId == followeeId,
            cancellationToken
        );
        if (follow is not null)
        {
            db.Follows.Remove(follow);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A concurrent identical request removed it first: the outcome is the same.
            }
        }

        return await ProfileQueries.GetByUsernameAsync(db, request.Username, followerId, cancellationToken);
    }
}
