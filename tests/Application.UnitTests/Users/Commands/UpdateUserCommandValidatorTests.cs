using CleanApp.Application.Common.Models;
using CleanApp.Application.Users.Commands.UpdateUser;
using CleanApp.Domain.Users;

namespace CleanApp.Application.UnitTests.Users.Commands;

public sealed class UpdateUserCommandValidatorTests
{
    private readonly UpdateUserCommandValidator _validator = new();

    [Test]
    public void A_command_with_every_field_absent_is_valid() => Assert.That(_validator.Validate(new UpdateUserCommand()).Errors, Is.Empty);

    [Test]
    public void A_command_with_every_field_valid_is_valid()
    {
        var command = new UpdateUserCommand
        {
            Email = "jake@example.com",
            Username = "jake",
            Password = "password123",
            Bio = "I like to skateboard",
            Image = "https://i.stack.imgur.com/xHWG8.jpg",
        };

        Assert.That(_validator.Validate(command).Errors, Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void A_present_blank_email_is_refused(string? email) =>
        AssertErrors(new UpdateUserCommand { Email = new Optional<string?>(email) }, "email: can't be blank");

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" ")]
    public void A_present_blank_username_is_refused(string? username) =>
        AssertErrors(new UpdateUserCommand { Username = new Optional<string?>(username) }, "username: can't be blank");

    [TestCase(null)]
    [TestCase("")]
    public void A_present_blank_password_is_refused(string? password) =>
        AssertErrors(new UpdateUserCommand { Password = new Optional<string?>(password) }, "password: can't be blank");

    [Test]
    public void A_short_password_is_refused() =>
        AssertErrors(new UpdateUserCommand { Password = "1234567" }, "password: is too short (minimum is 8 characters)");

    [Test]
    public void A_64_character_password_is_valid() =>
        Assert.That(_validator.Validate(new UpdateUserCommand { Password = new string('x', 64) }).IsValid);

    [Test]
    public void A_bad_email_is_refused() => AssertErrors(new UpdateUserCommand { Email = "nope" }, "email: is invalid");

    [Test]
    public void A_too_long_username_is_refused() =>
        AssertErrors(
            new UpdateUserCommand { Username = new string('u', UserConstraints.UsernameMaxLength + 1) },
            $"username: is too long (maximum is {UserConstraints.UsernameMaxLength} characters)"
        );

    [TestCase("jürgen")]
    [TestCase("山田")]
    public void A_non_ASCII_username_is_valid(string username) =>
        Assert.That(_validator.Validate(new UpdateUserCommand { Username = username }).IsValid);

    [TestCase(null)]
    [TestCase("")]
    public void A_present_null_or_empty_bio_is_valid(string? bio) =>
        Assert.That(_validator.Validate(new UpdateUserCommand { Bio = new Optional<string?>(bio) }).IsValid);

    [TestCase(null)]
    [TestCase("")]
    public void A_present_null_or_empty_image_is_valid(string? image) =>
        Assert.That(_validator.Validate(new UpdateUserCommand { Image = new Optional<string?>(image) }).IsValid);

    [Test]
    public void A_too_long_bio_is_refused() =>
        AssertErrors(
            new UpdateUserCommand { Bio = new string('b', UserConstraints.BioMaxLength + 1) },
            $"bio: is too long (maximum is {UserConstraints.BioMaxLength} characters)"
        );

    [Test]
    public void A_too_long_image_is_refused() =>
        AssertErrors(
            new UpdateUserCommand { Image = "https://example.com/" + new string('i', UserConstraints.ImageMaxLength) },
            $"image: is too long (maximum is {UserConstraints.ImageMaxLength} characters)"
        );

    [TestCase("not a url")]
    [TestCase("/relative/path.png")]
    [TestCase("javascript:alert(1)")]
    [TestCase("ftp://example.com/a.png")]
    public void An_image_that_is_not_an_absolute_http_url_is_refused(string image) =>
        AssertErrors(new UpdateUserCommand { Image = image }, "image: must be an absolute http(s) URL");

    [Test]
    public void Several_invalid_fields_are_all_reported_under_camelCase_keys()
    {
        var command = new UpdateUserCommand
        {
            Email = new Optional<string?>(null),
            Username = string.Empty,
            Password = "short",
        };

        AssertErrors(command, "email: can't be blank", "username: can't be blank", "password: is too short (minimum is 8 characters)");
    }

    [Test]
    public void The_command_never_prints_its_password() =>
        Assert.That(new UpdateUserCommand { Password = "secret-password" }.ToString(), Does.Not.Contain("secret-password"));

    private void AssertErrors(UpdateUserCommand command, params string[] expected) =>
        Assert.That(_validator.Validate(command).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"), Is.EquivalentTo(expected));
}
