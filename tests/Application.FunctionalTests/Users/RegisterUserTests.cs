using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Users.Commands.RegisterUser;

namespace CleanApp.Application.FunctionalTests.Users;

public sealed class RegisterUserTests : AccountFixture
{
    [Test]
    public async Task Register_returns_the_user_with_a_token_and_null_bio_and_image()
    {
        var username = UniqueName();

        var dto = await App.SendAsync(new RegisterUserCommand(username, $"{username}@example.com", Password));

        Assert.Multiple(() =>
        {
            Assert.That(dto.Username, Is.EqualTo(username));
            Assert.That(dto.Email, Is.EqualTo($"{username}@example.com"));
            Assert.That(dto.Token, Is.Not.Empty);
            Assert.That(dto.Bio, Is.Null);
            Assert.That(dto.Image, Is.Null);
        });
    }

    [Test]
    public async Task Register_stores_the_profile_and_a_hashed_credential_under_one_id()
    {
        var (id, _) = await RegisterAsync();

        var profile = await StoredUserAsync(id);
        var credentials = await StoredCredentialsAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(credentials.Email, Is.EqualTo($"{profile.Username}@example.com"));
            Assert.That(credentials.PasswordHash, Is.Not.Null.And.Not.Contain(Password));
            Assert.That(profile.NormalizedUsername, Is.EqualTo(profile.Username.ToUpperInvariant()));
            Assert.That(profile.CreatedAt, Is.Not.EqualTo(default(DateTime)));
            Assert.That(profile.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(profile.UpdatedAt, Is.EqualTo(profile.CreatedAt));
        });
    }

    [TestCase("jürgen")]
    [TestCase("山田")]
    public async Task Register_accepts_a_non_ASCII_username(string prefix)
    {
        var username = $"{prefix}_{Guid.NewGuid():N}"[..12];

        var (id, dto) = await RegisterAsync(username, $"{Guid.NewGuid():N}@example.com");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(dto.Username, Is.EqualTo(username));
            Assert.That((await StoredUserAsync(id)).Username, Is.EqualTo(username));
        });
    }

    [Test]
    public async Task A_taken_username_is_a_conflict_whatever_its_case_and_nothing_is_stored()
    {
        var (_, first) = await RegisterAsync();
        var before = await CountsAsync();

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            App.SendAsync(new RegisterUserCommand(first.Username.ToUpperInvariant(), $"{Guid.NewGuid():N}@example.com", Password))
        );

        Assert.That(ex!.Errors, Is.EquivalentTo(new Dictionary<string, string[]> { ["username"] = ["has already been taken"] }));
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_taken_email_is_a_conflict_whatever_its_case_and_nothing_is_stored()
    {
        var (_, first) = await RegisterAsync();
        var before = await CountsAsync();

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            App.SendAsync(new RegisterUserCommand(UniqueName(), first.Email.ToUpperInvariant(), Password))
        );

        Assert.That(ex!.Errors, Is.EquivalentTo(new Dictionary<string, string[]> { ["email"] = ["has already been taken"] }));
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Both_taken_fields_are_reported_together()
    {
        var (_, first) = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            App.SendAsync(new RegisterUserCommand(first.Username, first.Email, Password))
        );

        Assert.That(ex!.Errors.Keys, Is.EquivalentTo(new[] { "username", "email" }));
    }

    [Test]
    public async Task Blank_fields_are_a_validation_error_per_field_and_nothing_is_stored()
    {
        var before = await CountsAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new RegisterUserCommand(string.Empty, null, " ")));

        Assert.That(
            ex!.Errors,
            Is.EquivalentTo(
                new Dictionary<string, string[]>
                {
                    ["username"] = ["can't be blank"],
                    ["email"] = ["can't be blank"],
                    ["password"] = ["can't be blank"],
                }
            )
        );
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_short_password_is_refused_and_nothing_is_stored()
    {
        var before = await CountsAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(new RegisterUserCommand(UniqueName(), $"{Guid.NewGuid():N}@example.com", "short"))
        );

        Assert.That(ex!.Errors.Keys, Is.EqualTo(new[] { "password" }));
        Assert.That(await CountsAsync(), Is.EqualTo(before));
    }
}
