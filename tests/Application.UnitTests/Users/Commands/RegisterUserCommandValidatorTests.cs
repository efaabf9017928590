using CleanApp.Application.Users.Commands.RegisterUser;
using CleanApp.Domain.Users;
using FluentValidation.Results;

namespace CleanApp.Application.UnitTests.Users.Commands;

public sealed class RegisterUserCommandValidatorTests
{
    private const string GoodPassword = "password123";
    private readonly RegisterUserCommandValidator _validator = new();

    [Test]
    public void A_complete_command_is_valid()
    {
        var result = _validator.Validate(new RegisterUserCommand("jake", "jake@example.com", GoodPassword));

        Assert.That(result.Errors, Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_username_is_refused_as_cant_be_blank(string? username) =>
        AssertSingleError(new RegisterUserCommand(username, "jake@example.com", GoodPassword), "username", "can't be blank");

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_email_is_refused_as_cant_be_blank(string? email) =>
        AssertSingleError(new RegisterUserCommand("jake", email, GoodPassword), "email", "can't be blank");

    [TestCase(null)]
    [TestCase("")]
    public void A_blank_password_is_refused_as_cant_be_blank(string? password) =>
        AssertSingleError(new RegisterUserCommand("jake", "jake@example.com", password), "password", "can't be blank");

    [Test]
    public void Every_blank_field_is_reported_under_its_camelCase_name()
    {
        var result = _validator.Validate(new RegisterUserCommand(string.Empty, string.Empty, string.Empty));

        Assert.That(
            result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)),
            Is.EquivalentTo(new[] { ("username", "can't be blank"), ("email", "can't be blank"), ("password", "can't be blank") })
        );
    }

    [Test]
    public void A_blank_field_reports_one_message_only()
    {
        var result = _validator.Validate(new RegisterUserCommand(null, "jake@example.com", GoodPassword));

        Assert.That(result.Errors, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_too_long_username_is_refused() =>
        AssertSingleError(
            new RegisterUserCommand(new string('a', UserConstraints.UsernameMaxLength + 1), "jake@example.com", GoodPassword),
            "username",
            $"is too long (maximum is {UserConstraints.UsernameMaxLength} characters)"
        );

    [Test]
    public void A_username_of_the_maximum_length_is_valid() =>
        Assert.That(
            _validator
                .Validate(new RegisterUserCommand(new string('a', UserConstraints.UsernameMaxLength), "jake@example.com", GoodPassword))
                .IsValid
        );

    [TestCase("jürgen")]
    [TestCase("ирина")]
    [TestCase("山田太郎")]
    [TestCase("josé.garcía-2")]
    [TestCase("under_score")]
    public void A_non_ASCII_letter_username_is_valid(string username) =>
        Assert.That(_validator.Validate(new RegisterUserCommand(username, "jake@example.com", GoodPassword)).Errors, Is.Empty);

    [TestCase("jake doe")]
    [TestCase("jake/doe")]
    [TestCase("jake?")]
    [TestCase("<script>")]
    public void A_username_with_punctuation_or_spaces_is_refused(string username)
    {
        var result = _validator.Validate(new RegisterUserCommand(username, "jake@example.com", GoodPassword));

        Assert.That(result.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "username" }));
    }

    [TestCase("not-an-email")]
    [TestCase("jake@")]
    [TestCase("@example.com")]
    public void A_malformed_email_is_refused_as_invalid(string email) =>
        AssertSingleError(new RegisterUserCommand("jake", email, GoodPassword), "email", "is invalid");

    [Test]
    public void A_too_long_email_is_refused()
    {
        var email = new string('a', UserConstraints.EmailMaxLength - "@example.com".Length + 1) + "@example.com";

        AssertSingleError(
            new RegisterUserCommand("jake", email, GoodPassword),
            "email",
            $"is too long (maximum is {UserConstraints.EmailMaxLength} characters)"
        );
    }

    [TestCase("a")]
    [TestCase("1234567")]
    public void A_password_shorter_than_8_is_refused(string password) =>
        AssertSingleError(
            new RegisterUserCommand("jake", "jake@example.com", password),
            "password",
            "is too short (minimum is 8 characters)"
        );

    [Test]
    public void A_password_of_exactly_8_characters_is_valid() =>
        Assert.That(_validator.Validate(new RegisterUserCommand("jake", "jake@example.com", "password")).IsValid);

    [Test]
    public void A_64_character_password_is_valid() =>
        Assert.That(_validator.Validate(new RegisterUserCommand("jake", "jake@example.com", new string('p', 64))).IsValid);

    [Test]
    public void A_too_long_password_is_refused() =>
        AssertSingleError(
            new RegisterUserCommand("jake", "jake@example.com", new string('p', UserConstraints.PasswordMaxLength + 1)),
            "password",
            $"is too long (maximum is {UserConstraints.PasswordMaxLength} characters)"
        );

    private void AssertSingleError(RegisterUserCommand command, string key, string message)
    {
        var result = _validator.Validate(command);
        Assert.That(result.Errors.Select(Describe), Is.EqualTo(new[] { $"{key}: {message}" }));
    }

    private static string Describe(ValidationFailure failure) => $"{failure.PropertyName}: {failure.ErrorMessage}";
}
