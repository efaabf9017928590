using System.Net;
using CleanApp.Application.Common.Security;
using CleanApp.Infrastructure.Identity;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CleanApp.WebApi.FunctionalTests.Dashboard;

/// <summary>
/// The ops session cookie (docs/dashboard.md): its flags and lifetime, and a session that ends at its next request when
/// the account behind it is deleted, gets a new password (a new security stamp) or loses its ops role, not when the cookie
/// expires. (Accounts have no lockout since ADR 0031: sign-ins are throttled instead.)
/// </summary>
public sealed class OpsSessionTests : ApiFixture
{
    [Test]
    public async Task The_session_cookie_is_http_only_same_site_strict_scoped_to_the_dashboard_and_not_persisted()
    {
        var email = await OpsUsers.CreateReaderAsync(Factory.Services);
        using var client = OpsUsers.CookieClient(Factory);

        var response = await OpsUsers.SignInAsync(client, email);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CleanApp.Ops=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.That(attributes, Does.Contain("path=/hangfire").And.Contain("httponly").And.Contain("samesite=strict"), cookie);
        Assert.That(attributes, Has.None.StartsWith("expires=").And.None.StartsWith("max-age="), "a browser session cookie");
    }

    [Test]
    public async Task A_session_lasts_the_configured_lifetime_since_its_last_renewal_and_no_longer()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new CleanAppFactory()
            .WithSetting("Jobs:Dashboard:SessionLifetime", "00:30:00")
            .WithServices(s => s.AddSingleton<TimeProvider>(clock));
        var email = await OpsUsers.CreateReaderAsync(factory.Services);
        using var client = OpsUsers.CookieClient(factory);
        await OpsUsers.SignInAsync(client, email);

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.That((await client.GetAsync("/hangfire")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "29 minutes after sign-in");

        using var idle = OpsUsers.CookieClient(factory);
        await OpsUsers.SignInAsync(idle, email);
        clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await idle.GetAsync("/hangfire");
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "31 minutes without a request");
        Assert.That(expired.Headers.Location?.OriginalString, Does.Contain("/hangfire/login"));
    }

    private static readonly string[] Endings = ["deleted", "given a new password", "demoted"];

    [TestCaseSource(nameof(Endings))]
    public async Task A_session_ends_at_the_next_request_when_its_account_is(string ending)
    {
        var email = await OpsUsers.CreateOperatorAsync(Factory.Services);
        using var client = OpsUsers.CookieClient(Factory);
        await OpsUsers.SignInAsync(client, email);
        var before = await client.GetAsync("/hangfire/jobs/failed");
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK), "signed in");

        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var result = ending switch
            {
                "deleted" => await users.DeleteAsync(user),
                "given a new password" => await users.ChangePasswordAsync(user, OpsUsers.Password, "a-new-ops-password-456"),
                _ => await users.RemoveFromRoleAsync(user, OpsRoles.Operator),
            };
            Assert.That(result.Succeeded, Is.True, string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        var after = await client.GetAsync("/hangfire/jobs/failed");

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(after.Headers.Location?.AbsolutePath ?? after.Headers.Location?.OriginalString, Does.StartWith("/hangfire/login"));
        Assert.That(
            after.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("CleanApp.Ops=;", StringComparison.Ordinal)),
            Is.True,
            "the cookie is cleared"
        );
    }

    [Test]
    public async Task An_operator_demoted_to_reader_keeps_reading_but_can_no_longer_act()
    {
        var email = await OpsUsers.CreateOperatorAsync(Factory.Services);
        using var client = OpsUsers.CookieClient(Factory);
        await OpsUsers.SignInAsync(client, email);
        Assert.That(await client.GetStringAsync("/hangfire/recurring"), Does.Contain("js-jobs-list-command"), "an operator's buttons");

        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.That((await users.RemoveFromRoleAsync(user, OpsRoles.Operator)).Succeeded, Is.True);
            Assert.That((await users.AddToRoleAsync(user, OpsRoles.Reader)).Succeeded, Is.True);
        }

        var page = await client.GetAsync("/hangfire/recurring");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Not.Contain("js-jobs-list-command"));
    }
}
