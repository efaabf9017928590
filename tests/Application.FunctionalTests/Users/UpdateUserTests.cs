using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Models;
using CleanApp.Application.Users.Commands.LoginUser;
using CleanApp.Application.Users.Commands.RegisterUser;
using CleanApp.Application.Users.Commands.UpdateUser;
using CleanApp.Application.Users.Queries.GetCurrentUser;

namespace CleanApp.Application.FunctionalTests.Users;

public sealed class UpdateUserTests : AccountFixture
{
    [Test]
    public async Task Only_the_present_fields_change()
    {
        var (id, registered) = await RegisterAsync();
        await App.SendAsync(new UpdateUserCommand { Image = "https://example.com/a.png" }, id);

        var dto = await App.SendAsync(new UpdateUserCommand { Bio = "I like to skateboard" }, id);

        var stored = await StoredUserAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(dto.Bio, Is.EqualTo("I like to skateboard"));
            Assert.That(dto.Image, Is.EqualTo("https://example.com/a.png"));
            Assert.That(dto.Username, Is.EqualTo(registered.Username));
            Assert.That(dto.Email, Is.EqualTo(registered.Email));
            Assert.That(dto.Token, Is.Not.Empty);
            Assert.That(stored.Bio, Is.EqualTo("I like to skateboard"));
            Assert.That(stored.Image, Is.EqualTo("https://example.com/a.png"));
            Assert.That(stored.Username, Is.EqualTo(registered.Username));
        });
    }

    [Test]
    public async Task An_empty_command_changes_nothing_and_succeeds()
    {
        var (id, registered) = await RegisterAsync();
        await App.SendAsync(new UpdateUserCommand { Bio = "kept" }, id);

        var dto = await App.SendAsync(new UpdateUserCommand(), id);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Bio, Is.EqualTo("kept"));
            Assert.That(dto.Username, Is.EqualTo(registered.Username));
        });
    }

    [Test]
    public async Task A_present_null_bio_and_image_clear_them_while_absent_ones_are_kept()
    {
        var (id, _) = await RegisterAsync();
        await App.SendAsync(new UpdateUserCommand { Bio = "bio", Image = "https://example.com/a.png" }, id);

        await App.SendAsync(new UpdateUserCommand { Bio = new Optional<string?>(null) }, id);
        var afterBio = await StoredUserAsync(id);
        await App.SendAsync(new UpdateUserCommand { Image = new Optional<string?>(null) }, id);
        var afterImage = await StoredUserAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(afterBio.Bio, Is.Null);
            Assert.That(afterBio.Image, Is.EqualTo("https://example.com/a.png"));
            Assert.That(afterImage.Image, Is.Null);
        });
    }

    [Test]
    public async Task An_empty_bio_and_image_are_stored_as_null()
    {
        var (id, _) = await RegisterAsync();
        await App.SendAsync(new UpdateUserCommand { Bio = "bio", Image = "https://example.com/a.png" }, id);

        var dto = await App.SendAsync(new UpdateUserCommand { Bio = string.Empty, Image = string.Empty }, id);

        var stored = await StoredUserAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(dto.Bio, Is.Null);
            Assert.That(dto.Image, Is.Null);
            Assert.That(stored.Bio, Is.Null);
            Assert.That(stored.Image, Is.Null);
        });
    }

    [Test]
    public async Task A_rename_is_stored_and_the_account_keeps_working()
    {
        var (id, registered) = await RegisterAsync();
        var newName = UniqueName("renamed");

        var dto = await App.SendAsync(new UpdateUserCommand { Username = newName }, id);

        var current = await App.SendAsync(new GetCurrentUserQuery(), id);
        var login = await App.SendAsync(new LoginUserCommand(registered.Email, Password));
        var stored = await StoredUserAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(dto.Username, Is.EqualTo(newName));
            Assert.That(current.Username, Is.EqualTo(newName));
            Assert.That(login.Username, Is.EqualTo(newName));
            Assert.That(stored.NormalizedUsername, Is.EqualTo(newName.ToUpperInvariant()));
        });
    }

    [Test]
    public async Task The_old_username_is_free_after_a_rename()
    {
        var (id, registered) = await RegisterAsync();
        await App.SendAsync(new UpdateUserCommand { Username = UniqueName("renamed") }, id);

        var other = await App.SendAsync(new RegisterUserCommand(registered.Username, $"{Guid.NewGuid():N}@example.com", Password));

        Assert.That(other.Username, Is.EqualTo(registered.Username));
    }

    [Test]
    public async Task Renaming_to_the_own_name_in_another_case_is_allowed()
    {
        var (id, registered) = await RegisterAsync();

        var dto = await App.SendAsync(new UpdateUserCommand { Username = registered.Username.ToUpperInvariant() }, id);

        Assert.That(dto.Username, Is.EqualTo(registered.Username.ToUpperInvariant()));
    }

    [Test]
    public async Task Another_users_username_is_a_conflict_and_nothing_changes()
    {
        var (id, registered) = await RegisterAsync();
        var (_, other) = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            App.SendAsync(new UpdateUserCommand { Username = other.Username.ToUpperInvariant(), Bio = "not applied" }, id)
        );

        var stored = await StoredUserAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Errors, Is.EquivalentTo(new Dictionary<string, string[]> { ["username"] = ["has already been taken"] }));
            Assert.That(stored.Username, Is.EqualTo(registered.Username));
            Assert.That(stored.Bio, Is.Null);
        });
    }

    [Test]
    public async Task Another_users_email_is_a_conflict_and_nothing_changes()
    {
        var (id, registered) = await RegisterAsync();
        var (_, other) = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<ConflictException>(() =>
            App.SendAsync(new UpdateUserCommand { Email = other.Email.ToUpperInvariant(), Bio = "not applied" }, id)
        );

        var credentials = await StoredCredentialsAsync(id);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(ex!.Errors, Is.EquivalentTo(new Dictionary<string, string[]> { ["email"] = ["has already been taken"] }));
            Assert.That(credentials.Email, Is.EqualTo(registered.Email));
            Assert.That((await StoredUserAsync(id)).Bio, Is.Null);
        });
    }

    [Test]
    public async Task The_own_unchanged_email_is_accepted()
    {
        var (id, registered) = await RegisterAsync();

        var dto = await App.SendAsync(new UpdateUserCommand { Email = registered.Email, Bio = "same email" }, id);

        Assert.Multiple(() =>
        {
            Assert.That(dto.Email, Is.EqualTo(registered.Email));
            Assert.That(dto.Bio, Is.EqualTo("same email"));
        });
    }

    [Test]
    public async Task A_new_email_is_stored_and_used_for_login()
    {
        var (id, registered) = await RegisterAsync();
        var newEmail = $"{Guid.NewGuid():N}@example.org";

        var dto = await App.SendAsync(new UpdateUserCommand { Email = newEmail }, id);

        var login = await App.SendAsync(new LoginUserCommand(newEmail, Password));
        Assert.Multiple(() =>
        {
            Assert.That(dto.Email, Is.EqualTo(newEmail));
            Assert.That(login.Username, Is.EqualTo(registered.Username));
        });
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => App.SendAsync(new LoginUserCommand(registered.Email, Password)));
    }

    [Test]
    public async Task A_new_password_replaces_the_old_one_for_login()
    {
        var (id, registered) = await RegisterAsync();

        await App.SendAsync(new UpdateUserCommand { Password = "new-password-456" }, id);

        var login = await App.SendAsync(new LoginUserCommand(registered.Email, "new-password-456"));
        Assert.That(login.Username, Is.EqualTo(registered.Username));
        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            App.SendAsync(new LoginUserCommand(registered.Email, Password))
        );
        Assert.That(ex!.Reason, Is.EqualTo("invalid"));
    }

    [TestCase("email")]
    [TestCase("username")]
    [TestCase("password")]
    public async Task A_present_null_credential_field_is_a_validation_error_and_nothing_changes(string field)
    {
        var (id, registered) = await RegisterAsync();
        var command = field switch
        {
            "email" => new UpdateUserCommand { Email = new Optional<string?>(null), Bio = "not applied" },
            "username" => new UpdateUserCommand { Username = new Optional<string?>(null), Bio = "not applied" },
            _ => new UpdateUserCommand { Password = new Optional<string?>(null), Bio = "not applied" },
        };

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(command, id));

        Assert.That(ex!.Errors, Is.EquivalentTo(new Dictionary<string, string[]> { [field] = ["can't be blank"] }));
        var stored = await StoredUserAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Bio, Is.Null);
            Assert.That(stored.Username, Is.EqualTo(registered.Username));
        });
        Assert.That((await App.SendAsync(new LoginUserCommand(registered.Email, Password))).Username, Is.EqualTo(registered.Username));
    }

    [Test]
    public async Task A_short_password_is_refused_and_the_old_one_still_works()
    {
        var (id, registered) = await RegisterAsync();

        var ex = await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new UpdateUserCommand { Password = "short" }, id));

        Assert.That(ex!.Errors.Keys, Is.EqualTo(new[] { "password" }));
        Assert.That((await App.SendAsync(new LoginUserCommand(registered.Email, Password))).Username, Is.EqualTo(registered.Username));
    }

    [Test]
    public async Task An_anonymous_caller_is_refused_before_validation()
    {
        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            App.SendAsync(new UpdateUserCommand { Email = string.Empty })
        );

        Assert.That(ex!.Key, Is.EqualTo("token"));
    }

    [Test]
    public async Task Every_successful_update_moves_UpdatedAt_forward_and_keeps_CreatedAt()
    {
        var (id, _) = await RegisterAsync();
        var before = await StoredUserAsync(id);

        await App.SendAsync(new UpdateUserCommand { Bio = "one" }, id);
        var first = await StoredUserAsync(id);
        await App.SendAsync(new UpdateUserCommand { Bio = "two" }, id);
        var second = await StoredUserAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(first.UpdatedAt, Is.GreaterThan(before.UpdatedAt));
            Assert.That(second.UpdatedAt, Is.GreaterThan(first.UpdatedAt));
            Assert.That(second.CreatedAt, Is.EqualTo(before.CreatedAt));
        });
    }
}
