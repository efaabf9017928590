using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.FunctionalTests.Support;
using CleanApp.Application.Profiles.Commands.FollowUser;
using CleanApp.Application.Profiles.Commands.UnfollowUser;
using CleanApp.Application.Profiles.Queries.GetProfile;
using CleanApp.Domain.Common;
using CleanApp.Domain.Profiles;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.FunctionalTests.Profiles;

public sealed class GetProfileQueryTests : AppFixture
{
    [Test]
    public async Task Returns_the_profile_case_insensitively_with_following_for_the_caller()
    {
        var me = await App.RegisterAsync();
        var other = await App.RegisterAsync();
        await App.SendAsync(new FollowUserCommand(other.Username), me.Id);

        var anonymous = await App.SendAsync(new GetProfileQuery(other.Username.ToUpperInvariant()));
        var mine = await App.SendAsync(new GetProfileQuery(other.Username), me.Id);

        Assert.That(anonymous.Username, Is.EqualTo(other.Username));
        Assert.That(anonymous.Bio, Is.Null);
        Assert.That(anonymous.Following, Is.False);
        Assert.That(mine.Following, Is.True);
    }

    [Test]
    public async Task Unknown_username_is_not_found()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetProfileQuery("nobody_here")));
        Assert.That(error!.Key, Is.EqualTo("profile"));
    }
}

public sealed class FollowUserCommandTests : AppFixture
{
    [Test]
    public async Task Following_stores_one_row_even_when_repeated()
    {
        var me = await App.RegisterAsync();
        var other = await App.RegisterAsync();

        var first = await App.SendAsync(new FollowUserCommand(other.Username), me.Id);
        var second = await App.SendAsync(new FollowUserCommand(other.Username), me.Id);

        Assert.That(first.Following && second.Following, Is.True);
        var rows = await App.QueryAsync(db => db.Set<Follow>().CountAsync(f => f.FollowerId == me.Id && f.FolloweeId == other.Id));
        Assert.That(rows, Is.EqualTo(1));
    }

    [Test]
    public async Task Following_yourself_is_a_domain_error_and_stores_nothing()
    {
        var me = await App.RegisterAsync();
        var error = await Assert.ThrowsAsync<DomainException>(() => App.SendAsync(new FollowUserCommand(me.Username), me.Id));
        Assert.That(error!.Key, Is.EqualTo("profile"));
        Assert.That(await App.QueryAsync(db => db.Set<Follow>().CountAsync(f => f.FollowerId == me.Id)), Is.Zero);
    }

    [Test]
    public async Task Unknown_user_is_not_found_and_anonymous_is_refused()
    {
        var me = await App.RegisterAsync();
        var notFound = await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new FollowUserCommand("nobody_here"), me.Id));
        Assert.That(notFound!.Key, Is.EqualTo("profile"));
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => App.SendAsync(new FollowUserCommand(me.Username)));
    }
}

public sealed class UnfollowUserCommandTests : AppFixture
{
    [Test]
    public async Task Unfollowing_removes_the_row_and_is_idempotent()
    {
        var me = await App.RegisterAsync();
        var other = await App.RegisterAsync();
        await App.SendAsync(new FollowUserCommand(other.Username), me.Id);

        var first = await App.SendAsync(new UnfollowUserCommand(other.Username), me.Id);
        var second = await App.SendAsync(new UnfollowUserCommand(other.Username), me.Id);

        Assert.That(first.Following || second.Following, Is.False);
        Assert.That(await App.QueryAsync(db => db.Set<Follow>().CountAsync(f => f.FollowerId == me.Id)), Is.Zero);
    }

    [Test]
    public async Task Unknown_user_is_not_found()
    {
        var me = await App.RegisterAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new UnfollowUserCommand("nobody_here"), me.Id));
    }
}
