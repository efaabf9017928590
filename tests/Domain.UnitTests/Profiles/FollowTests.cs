using CleanApp.Domain.Common;
using CleanApp.Domain.Profiles;

namespace CleanApp.Domain.UnitTests.Profiles;

public sealed class FollowTests
{
    [Test]
    public void A_user_cannot_follow_themself()
    {
        var id = Guid.NewGuid();
        var error = Assert.Throws<DomainException>(() => Follow.Create(id, id));
        Assert.That(error!.Key, Is.EqualTo("profile"));
    }

    [Test]
    public void A_follow_links_follower_and_followee()
    {
        var follower = Guid.NewGuid();
        var followee = Guid.NewGuid();
        var follow = Follow.Create(follower, followee);
        Assert.That((follow.FollowerId, follow.FolloweeId), Is.EqualTo((follower, followee)));
    }
}
