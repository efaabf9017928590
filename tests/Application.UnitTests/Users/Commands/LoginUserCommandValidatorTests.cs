using CleanApp.Application.Users.Commands.LoginUser;
using CleanApp.Domain.Users;

namespace CleanApp.Application.UnitTests.Users.Commands;

public sealed class LoginUserCommandValidatorTests
{
    private readonly LoginUserCommandValidator _validator = new();

    [Test]
    public void A_complete_command_is_valid() =>
        Assert.That(_validator.Validate(new LoginUserCommand("jake@example.com", "password123")).Errors, Is.Empty);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void A_blank_email_is_refused_as_cant_be_blank(string? email) =>
        AssertErrors(new LoginUserCommand(email, "password123"), "email: can't be blank");

    [TestCase(null)]
    [TestCase("")]
    public void A_blank_password_is_refused_as_cant_be_blank(string? password) =>
        AssertErrors(new LoginUserCommand("jake@example.com", password), "password: can't be blank");

    [Test]
    public void Both_blank_fields_are_reported() =>
        AssertErrors(new LoginUserCommand(null, null), "email: can't be blank", "password: can't be blank");

    [Test]
    public void A_malformed_email_or_short_password_is_left_to_the_credential_check()
    {
        // Wrong credentials are a 401, not a 422: login does not reveal the registration rules.
        Assert.That(_validator.Validate(new LoginUserCommand("not-an-email", "short")).Errors, Is.Empty);
    }

    [Test]
    public void An_absurdly_long_email_is_refused() =>
        AssertErrors(
            new LoginUserCommand(new string('e', UserConstraints.EmailMaxLength + 1), "password123"),
            $"email: is too long (maximum is {UserConstraints.EmailMaxLength} characters)"
        );

    [Test]
    public void An_absurdly_long_password_is_refused() =>
        AssertErrors(
            new LoginUserCommand("jake@example.com", new string('p', UserConstraints.PasswordMaxLength + 1)),
            $"password: is too long (maximum is {UserConstraints.PasswordMaxLength} characters)"
        );

    [Test]
    public void The_command_never_prints_its_password() =>
        Assert.That(new LoginUserCommand("jake@example.com", "secret-password").ToString(), Does.Not.Contain("secret-password"));

    private void AssertErrors(LoginUserCommand command, params string[] expected) =>
        Assert.That(_validator.Validate(command).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"), Is.EquivalentTo(expected));
}
