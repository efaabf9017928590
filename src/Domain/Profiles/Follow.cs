using CleanApp.Domain.Common;

namespace CleanApp.Domain.Profiles;

/// <summary>
/// One user following another. The pair is the key, so following twice cannot create a second row. Nobody follows
/// themself.
/// </summary>
public sealed class Follow
{
    private Follow(Guid followerId, Guid followeeId)
    {
        FollowerId = followerId;
        FolloweeId = followeeId;
    }

    public Guid FollowerId { get; private set; }

    public Guid FolloweeId { get; private set; }

    public static Follow Create(Guid followerId, Guid followeeId)
    {
        if (followerId == followeeId)
        {
            throw new DomainException("profile", "can't follow yourself");
        }

        return new Follow(followerId, followeeId);
    }
}
