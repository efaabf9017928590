using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Users;

public sealed class LoginEndpointTests : AccountsApiFixture
{
    [Test]
    public async Task The_right_credentials_answer_200_with_the_full_user()
    {
        var registered = await Client.RegisterAsync();

        var response = await LoginAsync(new { email = registered.Email, password = registered.Password });

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
        Assert.Multiple(() =>
        {
            Assert.That(user.ContainsKey("bio") && user["bio"] is null, "bio must be an explicit null");
            Assert.That(user.ContainsKey("image") && user["image"] is null, "image must be an explicit null");
        });
    }

    [Test]
    public async Task The_login_token_authenticates_the_user()
    {
        var registered = await Client.RegisterAsync();
        var login = await (await LoginAsync(new { email = registered.Email, password = registered.Password })).ReadJsonAsync();

        var response = await GetUserAsync(login!["user"]!["token"]!.GetValue<string>());

        await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
    }

    [Test]
    public async Task A_wrong_password_is_401_credentials_invalid()
    {
        var registered = await Client.RegisterAsync();

        var response = await LoginAsync(new { email = registered.Email, password = "wrong-password" });

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.Unauthorized, "credentials", "invalid");
    }

    [Test]
    public async Task An_unknown_email_is_the_same_401_credentials_invalid()
    {
        var response = await LoginAsync(new { email = $"{Guid.NewGuid():N}@example.com", password = "password123" });

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.Unauthorized, "credentials", "invalid");
    }

    [TestCase("email", "")]
    [TestCase("email", null)]
    [TestCase("password", "")]
    [TestCase("password", null)]
    public async Task A_blank_field_is_422_cant_be_blank(string field, string? value)
    {
        var registered = await Client.RegisterAsync();
        var user = new Dictionary<string, string?>
        {
            ["email"] = registered.Email,
            ["password"] = registered.Password,
            [field] = value,
        };
        var before = await Factory.AccountsFingerprintAsync();

        var response = await LoginAsync(user);

        await ApiAssert.ExactErrorAsync(response, (HttpStatusCode)422, field, "can't be blank");
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before), "a refused login must not count as a failed attempt");
    }

    [Test]
    public async Task After_five_wrong_passwords_the_right_one_is_a_429_with_Retry_After()
    {
        // The default sign-in throttle: 5 attempts per account and address in 15 minutes (docs/decisions/0031-sign-in-throttling.md).
        var registered = await Client.RegisterAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var failed = await LoginAsync(new { email = registered.Email, password = "wrong-password" });
            await ApiAssert.ExactErrorAsync(failed, HttpStatusCode.Unauthorized, "credentials", "invalid");
        }

        var response = await LoginAsync(new { email = registered.Email, password = registered.Password });

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.TooManyRequests, "credentials", "too many attempts");
        Assert.That(response.Headers.RetryAfter?.Delta, Is.InRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15)));
    }
}
