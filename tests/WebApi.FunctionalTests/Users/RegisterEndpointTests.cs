using System.Net;
using System.Text.Json.Nodes;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Users;

public sealed class RegisterEndpointTests : AccountsApiFixture
{
    [Test]
    public async Task Register_answers_201_with_the_full_user_and_explicit_null_bio_and_image()
    {
        var username = UniqueName();
        var email = $"{username}@example.com";

        var response = await PostUsersAsync(
            new
            {
                username,
                email,
                password = "password123",
            }
        );

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.Created, username, email);
        Assert.Multiple(() =>
        {
            Assert.That(user.ContainsKey("bio") && user["bio"] is null, "bio must be an explicit null");
            Assert.That(user.ContainsKey("image") && user["image"] is null, "image must be an explicit null");
        });
    }

    [Test]
    public async Task The_returned_token_authenticates_the_new_user()
    {
        var registered = await Client.RegisterAsync();

        var response = await GetUserAsync(registered.Token);

        await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
    }

    [TestCase("jürgen")]
    [TestCase("ирина")]
    [TestCase("山田太郎")]
    public async Task A_unicode_username_is_accepted_and_returned_intact(string prefix)
    {
        var username = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 8)];
        var email = $"{Guid.NewGuid():N}@example.com";

        var response = await PostUsersAsync(
            new
            {
                username,
                email,
                password = "password123",
            }
        );

        await ApiAssert.UserBodyAsync(response, HttpStatusCode.Created, username, email);
        Assert.That((await Factory.FindProfileAsync(username))?.Username, Is.EqualTo(username));
    }

    [Test]
    public async Task A_unicode_username_sent_as_escapes_is_accepted()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var json = $$$"""{"user":{"username":"j\u00fcrgen_{{{suffix}}}","email":"{{{suffix}}}@example.com","password":"password123"}}""";

        var response = await Client.SendAsync(HttpMethod.Post, "/api/users", body: ApiClient.Json(json));

        await ApiAssert.UserBodyAsync(response, HttpStatusCode.Created, $"jürgen_{suffix}", $"{suffix}@example.com");
    }

    [Test]
    public async Task A_taken_username_is_409_has_already_been_taken_and_nothing_is_stored()
    {
        var existing = await Client.RegisterAsync();
        var before = await Factory.AccountsFingerprintAsync();

        var response = await PostUsersAsync(
            new
            {
                username = existing.Username,
                email = $"{Guid.NewGuid():N}@example.com",
                password = "password123",
            }
        );

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.Conflict, "username", "has already been taken");
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_taken_email_is_409_has_already_been_taken_and_nothing_is_stored()
    {
        var existing = await Client.RegisterAsync();
        var before = await Factory.AccountsFingerprintAsync();

        var response = await PostUsersAsync(
            new
            {
                username = UniqueName(),
                email = existing.Email,
                password = "password123",
            }
        );

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.Conflict, "email", "has already been taken");
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_taken_username_in_another_case_is_409()
    {
        var existing = await Client.RegisterAsync();

        var response = await PostRefusedAsync(
            new
            {
                username = existing.Username.ToUpperInvariant(),
                email = $"{Guid.NewGuid():N}@example.com",
                password = "password123",
            }
        );

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.Conflict, "username", "has already been taken");
    }

    [TestCase("username", "")]
    [TestCase("username", null)]
    [TestCase("email", "")]
    [TestCase("email", null)]
    [TestCase("password", "")]
    [TestCase("password", null)]
    public async Task A_blank_field_is_422_cant_be_blank_under_its_name(string field, string? value)
    {
        var user = new Dictionary<string, string?>
        {
            ["username"] = UniqueName(),
            ["email"] = $"{Guid.NewGuid():N}@example.com",
            ["password"] = "password123",
            [field] = value,
        };
        var response = await PostRefusedAsync(user);

        await ApiAssert.ExactErrorAsync(response, (HttpStatusCode)422, field, "can't be blank");
    }

    [TestCase("username")]
    [TestCase("email")]
    [TestCase("password")]
    public async Task A_missing_field_is_422_cant_be_blank_under_its_name(string field)
    {
        var user = new Dictionary<string, string>
        {
            ["username"] = UniqueName(),
            ["email"] = $"{Guid.NewGuid():N}@example.com",
            ["password"] = "password123",
        };
        user.Remove(field);

        var response = await PostRefusedAsync(user);

        await ApiAssert.ExactErrorAsync(response, (HttpStatusCode)422, field, "can't be blank");
    }

    [Test]
    public async Task Every_blank_field_is_listed_in_one_422()
    {
        var response = await PostRefusedAsync(
            new
            {
                username = string.Empty,
                email = string.Empty,
                password = string.Empty,
            }
        );

        var errors = await ApiAssert.ErrorBodyAsync(response, (HttpStatusCode)422);
        Assert.That(
            errors.ToJsonString(),
            Is.EqualTo(
                new JsonObject
                {
                    ["username"] = new JsonArray("can't be blank"),
                    ["email"] = new JsonArray("can't be blank"),
                    ["password"] = new JsonArray("can't be blank"),
                }.ToJsonString()
            )
        );
    }

    [Test]
    public async Task A_short_password_is_422()
    {
        var response = await PostRefusedAsync(
            new
            {
                username = UniqueName(),
                email = $"{Guid.NewGuid():N}@example.com",
                password = "short",
            }
        );

        await ApiAssert.ExactErrorAsync(response, (HttpStatusCode)422, "password", "is too short (minimum is 8 characters)");
    }

    [Test]
    public async Task A_malformed_email_is_422()
    {
        var response = await PostRefusedAsync(
            new
            {
                username = UniqueName(),
                email = "not-an-email",
                password = "password123",
            }
        );

        await ApiAssert.ExactErrorAsync(response, (HttpStatusCode)422, "email", "is invalid");
    }

    /// <summary>Posts a registration that must be refused and asserts it stored nothing (accounts fingerprint unchanged).</summary>
    private async Task<HttpResponseMessage> PostRefusedAsync(object user)
    {
        var before = await Factory.AccountsFingerprintAsync();
        var response = await PostUsersAsync(user);
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before), "a refused registration must store nothing");
        return response;
    }
}
