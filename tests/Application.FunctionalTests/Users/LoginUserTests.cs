using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Users.Commands.LoginUser;

namespace CleanApp.Application.FunctionalTests.Users;

public sealed class LoginUserTests : AccountFixture
{
    private const int MaxFailedAttempts = 5;

    [Test]
    public async Task The_right_credentials_return_the_user_with_a_token()
    {
        var (_, registered) = await RegisterAsync();

        var dto = await App.SendAsync(new LoginUserCommand(registered.Email, Password));

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
    public async Task The_email_is_matched_case_insensitively_and_returned_as_stored()
    {
        var (_, registered) = await RegisterAsync();

        var dto = await App.SendAsync(new LoginUserCommand(registered.Email.ToUpperInvariant(), Password));

        Assert.That(dto.Email, Is.EqualTo(registered.Email));
    }

    [Test]
    public async Task A_wrong_password_is_invalid_credentials()
    {
        var (_, registered) = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            App.SendAsync(new LoginUserCommand(registered.Email, "wrong-password"))
        );

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo("credentials"));
            Assert.That(ex.Reason, Is.EqualTo("invalid"));
        });
    }

    [Test]
    public async Task An_unknown_email_is_the_same_invalid_credentials()
    {
        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            App.SendAsync(new LoginUserCommand($"{Guid.NewGuid():N}@example.com", Password))
        );

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo("credentials"));
            Assert.That(ex.Reason, Is.EqualTo("invalid"));
        });
    }

    [Test]
    public async Task Blank_fields_are_a_validation_error()
    {
        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new LoginUserCommand(string.Empty, null)));

        Assert.That(
            ex!.Errors,
            Is.EquivalentTo(new Dictionary<string, string[]> { ["email"] = ["can't be blank"], ["password"] = ["can't be blank"] })
        );
    }

    [Test]
    public async Task After_five_failures_even_the_right_password_is_throttled_with_a_retry_time()
    {
        // The default throttle (docs/decisions/0031-sign-in-throttling.md): 5 attempts per account and address in 15 minutes.
        var (_, registered) = await RegisterAsync();
        for (var attempt = 1; attempt <= MaxFailedAttempts; attempt++)
        {
            var failed = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
                App.SendAsync(new LoginUserCommand(registered.Email, "wrong-password"))
            );
            Assert.That(failed!.Reason, Is.EqualTo("invalid"));
        }

        var throttled = await Assert.ThrowsAsync<TooManyRequestsException>(() =>
            App.SendAsync(new LoginUserCommand(registered.Email, Password))
        );

        Assert.Multiple(() =>
        {
            Assert.That(throttled!.Key, Is.EqualTo("credentials"));
            Assert.That(throttled.Reason, Is.EqualTo("too many attempts"));
            Assert.That(throttled.RetryAfter, Is.InRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15)));
        });
    }

    [Test]
    public async Task A_successful_login_resets_the_failure_count()
    {
        var (_, registered) = await RegisterAsync();
        for (var attempt = 1; attempt < MaxFailedAttempts; attempt++)
        {
            await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
                App.SendAsync(new LoginUserCommand(registered.Email, "wrong-password"))
            );
        }

        await App.SendAsync(new LoginUserCommand(registered.Email, Password));
        for (var attempt = 1; attempt < MaxFailedAttempts; attempt++)
        {
            await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
                App.SendAsync(new LoginUserCommand(registered.Email, "wrong-password"))
            );
        }

        var dto = await App.SendAsync(new LoginUserCommand(registered.Email, Password));
        Assert.That(dto.Username, Is.EqualTo(registered.Username));
    }

    [Test]
    public async Task The_throttle_of_one_account_does_not_affect_another()
    {
        var (_, locked) = await RegisterAsync();
        var (_, other) = await RegisterAsync();
        for (var attempt = 0; attempt < MaxFailedAttempts; attempt++)
        {
            await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
                App.SendAsync(new LoginUserCommand(locked.Email, "wrong-password"))
            );
        }

        var dto = await App.SendAsync(new LoginUserCommand(other.Email, Password));

        Assert.That(dto.Username, Is.EqualTo(other.Username));
    }
}
