using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CleanApp.WebApi.FunctionalTests.Email;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CleanApp.WebApi.FunctionalTests.Administration;

/// <summary>
/// Password change and reset revoke earlier tokens; reset tokens are single-use and expire (moved clock); repeated failed
/// sign-ins are a 429 with Retry-After, per account and client address (docs/decisions/0031-sign-in-throttling.md).
/// </summary>
public sealed partial class AccountLifecycleTests
{
    private const string ClientHeader = "X-Test-Client-Address";

    [Test]
    public async Task A_password_change_revokes_every_earlier_token_and_the_answer_carries_one_that_works()
    {
        using var factory = new CleanAppFactory();
        using var client = factory.CreateClient();
        var user = await client.RegisterAsync("changer");
        var signedIn = await Accounts.LoginAsync(client, user.Email, user.Password);

        var bioOnly = await client.SendAsync(HttpMethod.Put, "/api/user", user.Token, new { user = new { bio = "hello" } });
        Assert.That(bioOnly.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            (await client.SendAsync(HttpMethod.Get, "/api/user", signedIn)).StatusCode,
            Is.EqualTo(HttpStatusCode.OK),
            "a bio change revokes nothing"
        );

        var change = await client.SendAsync(HttpMethod.Put, "/api/user", user.Token, new { user = new { password = "new-password-456" } });
        var fresh = (await change.ReadJsonAsync())!["user"]!["token"].Str();

        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiAssert.ErrorBodyAsync(await client.SendAsync(HttpMethod.Get, "/api/user", user.Token), HttpStatusCode.Unauthorized);
        await ApiAssert.ErrorBodyAsync(await client.SendAsync(HttpMethod.Get, "/api/user", signedIn), HttpStatusCode.Unauthorized);
        Assert.That((await client.SendAsync(HttpMethod.Get, "/api/user", fresh)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Accounts.LoginAsync(client, user.Email, "new-password-456"), Is.Not.Empty);
    }

    [Test]
    public async Task A_password_reset_answers_202_for_any_email_and_its_emailed_token_works_once_and_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new CleanAppFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        using var client = factory.CreateClient();
        var user = await client.RegisterAsync("forgetful");
        var unknown = await RequestResetAsync(client, "nobody-at-all@example.com");
        var known = await RequestResetAsync(client, user.Email);

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Is.EqualTo(await known.Content.ReadAsStringAsync()), "the same answer");

        await HangfireJobs.WaitForFinishedAsync(factory.Services, 2, "email.password-reset");
        var token = ResetTokens(factory, user.Email).Single();

        await ApiAssert.ExactErrorAsync(
            await ConfirmAsync(client, user.Email, "not-the-token", "reset-password-1"),
            HttpStatusCode.UnprocessableEntity,
            "token",
            "is invalid or has expired"
        );
        var confirmed = await ConfirmAsync(client, user.Email, token, "reset-password-1");
        var reused = await ConfirmAsync(client, user.Email, token, "reset-password-2");

        Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ApiAssert.ExactErrorAsync(reused, HttpStatusCode.UnprocessableEntity, "token", "is invalid or has expired");
        await ApiAssert.ErrorBodyAsync(await client.SendAsync(HttpMethod.Get, "/api/user", user.Token), HttpStatusCode.Unauthorized);
        var signedIn = await Accounts.LoginAsync(client, user.Email, "reset-password-1");

        // A second reset, confirmed one minute after the token's hour: refused, and the password stays.
        clock.Advance(TimeSpan.FromMinutes(5));
        await RequestResetAsync(client, user.Email);
        await HangfireJobs.WaitForFinishedAsync(factory.Services, 3, "email.password-reset");
        var second = ResetTokens(factory, user.Email).Single(t => t != token);
        clock.Advance(TimeSpan.FromMinutes(61));
        var expired = await ConfirmAsync(client, user.Email, second, "reset-password-3");

        await ApiAssert.ExactErrorAsync(expired, HttpStatusCode.UnprocessableEntity, "token", "is invalid or has expired");
        Assert.That((await client.SendAsync(HttpMethod.Get, "/api/user", signedIn)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await Accounts.LoginAsync(client, user.Email, "reset-password-1"), Is.Not.Empty);
    }

    [Test]
    public async Task Repeated_failed_sign_ins_are_a_429_with_Retry_After_for_that_address_only_until_the_window_ends()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new CleanAppFactory()
            .WithSetting("Auth:SignInThrottle:PerAddressAttempts", "3")
            .WithSetting("Auth:SignInThrottle:PerAddressWindow", "00:10:00")
            .WithSetting("Auth:SignInThrottle:PerAccountAttempts", "5")
            .WithSetting("Auth:SignInThrottle:PerAccountWindow", "00:02:00")
            .WithServices(s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            });
        using var client = factory.CreateClient();
        var user = await client.RegisterAsync("guessed");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await ApiAssert.ExactErrorAsync(
                await LoginFromAsync(client, "10.0.0.1", user.Email, "wrong-password"),
                HttpStatusCode.Unauthorized,
                "credentials",
                "invalid"
            );
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        var throttled = await LoginFromAsync(client, "10.0.0.1", user.Email, user.Password);
        await ApiAssert.ExactErrorAsync(throttled, HttpStatusCode.TooManyRequests, "credentials", "too many attempts");
        Assert.That(
            throttled.Headers.RetryAfter?.Delta,
            Is.EqualTo(TimeSpan.FromMinutes(9)),
            "the address's window: 10 min from the first attempt"
        );

        // The owner, from their own address, is not locked out by the stranger's guesses.
        Assert.That((await LoginFromAsync(client, "10.0.0.2", user.Email, user.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // Many addresses together throttle the account for everyone, for the short account window only.
        for (var address = 3; address <= 6; address++)
        {
            await LoginFromAsync(client, $"10.0.0.{address}", user.Email, "wrong-password");
        }

        var everyone = await LoginFromAsync(client, "10.0.0.2", user.Email, user.Password);
        await ApiAssert.ExactErrorAsync(everyone, HttpStatusCode.TooManyRequests, "credentials", "too many attempts");
        Assert.That(
            everyone.Headers.RetryAfter?.Delta,
            Is.EqualTo(TimeSpan.FromMinutes(1)),
            "the account window began with the attempts of 1 min ago"
        );

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await LoginFromAsync(client, "10.0.0.2", user.Email, user.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            (await LoginFromAsync(client, "10.0.0.1", user.Email, user.Password)).StatusCode,
            Is.EqualTo(HttpStatusCode.TooManyRequests)
        );
        clock.Advance(TimeSpan.FromMinutes(8));
        Assert.That((await LoginFromAsync(client, "10.0.0.1", user.Email, user.Password)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_suspension_with_an_end_time_ends_by_itself_but_the_tokens_it_revoked_stay_revoked()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new CleanAppFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        using var client = factory.CreateClient();
        var admin = await Accounts.CreateAdminAsync(factory, client);
        var user = await client.RegisterAsync("timed");
        var until = clock.GetUtcNow().UtcDateTime.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        var suspend = await client.SendAsync(
            HttpMethod.Put,
            $"/api/admin/accounts/{user.Username}/suspension",
            admin.Token,
            new { suspension = new { reason = "cool off", until } }
        );
        var account = (await suspend.ReadJsonAsync())!["account"]!;
        Assert.That(account["suspendedUntil"].Str(), Is.EqualTo(until));
        await ApiAssert.ExactErrorAsync(
            await client.SendAsync(
                HttpMethod.Post,
                "/api/users/login",
                body: new { user = new { email = user.Email, password = user.Password } }
            ),
            HttpStatusCode.Forbidden,
            "account",
            "is suspended"
        );

        clock.Advance(TimeSpan.FromMinutes(59));
        var stillSuspended = await client.GetOkAsync($"/api/admin/accounts?q={user.Username}", admin.Token);
        clock.Advance(TimeSpan.FromMinutes(1));
        var ended = await client.GetOkAsync($"/api/admin/accounts?q={user.Username}", admin.Token);
        var fresh = await Accounts.LoginAsync(client, user.Email, user.Password);

        Assert.Multiple(() =>
        {
            Assert.That(stillSuspended["accounts"]![0]!["status"].Str(), Is.EqualTo("suspended"));
            Assert.That(ended["accounts"]![0]!["status"].Str(), Is.EqualTo("active"));
        });
        Assert.That((await client.SendAsync(HttpMethod.Get, "/api/user", fresh)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiAssert.ErrorBodyAsync(await client.SendAsync(HttpMethod.Get, "/api/user", user.Token), HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> RequestResetAsync(HttpClient client, string email) =>
        client.SendAsync(HttpMethod.Post, "/api/users/password-reset", body: new { user = new { email } });

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string email, string token, string password) =>
        client.SendAsync(
            HttpMethod.Post,
            "/api/users/password-reset/confirm",
            body: new
            {
                user = new
                {
                    email,
                    token,
                    password,
                },
            }
        );

    private static Task<HttpResponseMessage> LoginFromAsync(HttpClient client, string address, string email, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/users/login")
        {
            Content = ApiClient.Json(new { user = new { email, password } }),
        };
        request.Headers.Add(ClientHeader, address);
        return client.SendAsync(request);
    }

    private static IReadOnlyList<string> ResetTokens(CleanAppFactory factory, string email) =>
        Directory
            .GetFiles(factory.MailDirectory, "*.eml")
            .Select(EmailHost.Parse)
            .Where(m => m.To == email && m.Subject == "Reset your CleanApp password")
            .Select(m => TokenLine().Match(m.Body))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();

    [GeneratedRegex(@"Your reset token: (\S+)")]
    private static partial Regex TokenLine();

    /// <summary>The test server has no remote address; this stands in for many clients.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    (context, nextMiddleware) =>
                    {
                        if (IPAddress.TryParse(context.Request.Headers[ClientHeader].ToString(), out var address))
                        {
                            context.Connection.RemoteIpAddress = address;
                        }

                        return nextMiddleware(context);
                    }
                );
                next(app);
            };
    }
}
