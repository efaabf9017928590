using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Users.Queries.GetCurrentUser;

namespace CleanApp.Application.FunctionalTests.Users;

public sealed class GetCurrentUserTests : AccountFixture
{
    [Test]
    public async Task The_caller_gets_its_own_user_with_a_fresh_token()
    {
        var (id, registered) = await RegisterAsync();

        var dto = await App.SendAsync(new GetCurrentUserQuery(), asUser: id);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Username, Is.EqualTo(registered.Username));
            Assert.That(dto.Email, Is.EqualTo(registered.Email));
            Assert.That(dto.Token, Is.Not.Empty);
            Assert.That(dto.Bio, Is.Null);
            Assert.That(dto.Image, Is.Null);
        });
    }

    [Test]
    public async Task An_anonymous_caller_is_refused_with_token_is_missing()
    {
        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => App.SendAsync(new GetCurrentUserQuery()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo("token"));
            Assert.That(ex.Reason, Is.EqualTo("is missing"));
        });
    }

    [Test]
    public async Task A_caller_whose_account_does_not_exist_is_unauthenticated()
    {
        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            App.SendAsync(new GetCurrentUserQuery(), asUser: Guid.NewGuid())
        );

        Assert.That(ex!.Key, Is.EqualTo("token"));
    }
}
