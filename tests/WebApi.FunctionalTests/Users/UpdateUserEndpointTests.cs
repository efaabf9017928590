using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Users;

public sealed class UpdateUserEndpointTests : AccountsApiFixture
{
    [Test]
    public async Task A_partial_update_answers_200_and_changes_only_the_present_fields()
    {
        var registered = await Client.RegisterAsync();
        await PutUserAsync(registered.Token, new { image = "https://example.com/a.png" });

        var response = await PutUserAsync(registered.Token, new { bio = "I like to skateboard" });

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
        Assert.Multiple(() =>
        {
            Assert.That(user["bio"]!.GetValue<string>(), Is.EqualTo("I like to skateboard"));
            Assert.That(user["image"]!.GetValue<string>(), Is.EqualTo("https://example.com/a.png"));
        });
    }

    [Test]
    public async Task A_rename_returns_a_fresh_token_that_keeps_working()
    {
        var registered = await Client.RegisterAsync();
        var newName = UniqueName("renamed");

        var response = await PutUserAsync(registered.Token, new { username = newName });

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, newName, registered.Email);
        var fresh = user["token"]!.GetValue<string>();
        await ApiAssert.UserBodyAsync(await GetUserAsync(fresh), HttpStatusCode.OK, newName, registered.Email);
        await ApiAssert.UserBodyAsync(await GetUserAsync(registered.Token), HttpStatusCode.OK, newName, registered.Email);
    }

    [Test]
    public async Task Changing_the_email_returns_a_token_that_keeps_working()
    {
        var registered = await Client.RegisterAsync();
        var newEmail = $"{Guid.NewGuid():N}@example.org";

        var response = await PutUserAsync(registered.Token, new { email = newEmail });

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, newEmail);
        await ApiAssert.UserBodyAsync(
            await GetUserAsync(user["token"]!.GetValue<string>()),
            HttpStatusCode.OK,
            registered.Username,
            newEmail
        );
        await ApiAssert.UserBodyAsync(
            await LoginAsync(new { email = newEmail, password = registered.Password }),
            HttpStatusCode.OK,
            registered.Username,
            newEmail
        );
    }

    [Test]
    public async Task An_empty_bio_and_image_are_stored_and_returned_as_null()
    {
        var registered = await Client.RegisterAsync();
        await PutUserAsync(registered.Token, new { bio = "bio", image = "https://example.com/a.png" });

        var response = await PutUserAsync(registered.Token, new { bio = string.Empty, image = string.Empty });

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
        var stored = await Factory.FindProfileAsync(registered.Username);
        Assert.Multiple(() =>
        {
            Assert.That(user.ContainsKey("bio") && user["bio"] is null, "bio must be an explicit null");
            Assert.That(user.ContainsKey("image") && user["image"] is null, "image must be an explicit null");
            Assert.That(stored!.Bio, Is.Null);
            Assert.That(stored.Image, Is.Null);
        });
    }

    [Test]
    public async Task A_null_bio_is_allowed_and_clears_it()
    {
        var registered = await Client.RegisterAsync();
        await PutUserAsync(registered.Token, new { bio = "bio" });

        var response = await PutUserAsync(registered.Token, new { bio = (string?)null });

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(user["bio"], Is.Null);
            Assert.That((await Factory.FindProfileAsync(registered.Username))!.Bio, Is.Null);
        });
    }

    [TestCase("email", "")]
    [TestCase("email", null)]
    [TestCase("username", "")]
    [TestCase("username", null)]
    [TestCase("password", "")]
    [TestCase("password", null)]
    [TestCase("password", "1234567")]
    public async Task An_invalid_credential_field_is_422_under_its_name_and_nothing_changes(string field, string? value)
    {
        var registered = await Client.RegisterAsync();
        var before = await Factory.AccountsFingerprintAsync();

        var response = await PutUserAsync(registered.Token, new Dictionary<string, string?> { [field] = value, ["bio"] = "not applied" });

        var errors = await ApiAssert.ErrorBodyAsync(response, (HttpStatusCode)422);
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { field }));
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Another_users_username_is_409_and_nothing_changes()
    {
        var registered = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var before = await Factory.AccountsFingerprintAsync();

        var response = await PutUserAsync(registered.Token, new { username = other.Username, bio = "not applied" });

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.Conflict, "username", "has already been taken");
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Another_users_email_is_409_and_nothing_changes()
    {
        var registered = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var before = await Factory.AccountsFingerprintAsync();

        var response = await PutUserAsync(registered.Token, new { email = other.Email, bio = "not applied" });

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.Conflict, "email", "has already been taken");
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task The_own_unchanged_email_is_200()
    {
        var registered = await Client.RegisterAsync();

        var response = await PutUserAsync(registered.Token, new { email = registered.Email, bio = "same email" });

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
        Assert.That(user["bio"]!.GetValue<string>(), Is.EqualTo("same email"));
    }

    [Test]
    public async Task A_new_password_works_for_login_and_the_old_one_does_not()
    {
        var registered = await Client.RegisterAsync();

        var response = await PutUserAsync(registered.Token, new { password = "a-new-password" });

        await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
        await ApiAssert.UserBodyAsync(
            await LoginAsync(new { email = registered.Email, password = "a-new-password" }),
            HttpStatusCode.OK,
            registered.Username,
            registered.Email
        );
        await ApiAssert.ExactErrorAsync(
            await LoginAsync(new { email = registered.Email, password = registered.Password }),
            HttpStatusCode.Unauthorized,
            "credentials",
            "invalid"
        );
    }

    [Test]
    public async Task Without_a_token_it_is_401_token_is_missing_even_with_an_invalid_body()
    {
        var response = await PutUserAsync(null, new { email = string.Empty });

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.Unauthorized, "token", "is missing");
    }
}
