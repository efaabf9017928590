using System.Net;
using CleanApp.Infrastructure.Identity;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CleanApp.WebApi.FunctionalTests.Users;

/// <summary>The documented `Auth:*` settings take effect: lockout threshold and duration, token lifetime.</summary>
public sealed class LockoutAndTokenLifetimeTests
{
    [Test]
    public async Task Lockout_follows_the_configured_threshold_and_lasts_the_configured_duration()
    {
        using var factory = new CleanAppFactory()
            .WithSetting("Auth:Lockout:MaxFailedAttempts", "3")
            .WithSetting("Auth:Lockout:Duration", "00:42:00");
        using var client = factory.CreateClient();
        var user = await client.RegisterAsync("locked");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.That((await LoginAsync(client, user.Email, "wrong-password")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var lockedOut = await LoginAsync(client, user.Email, user.Password);
        var lockoutEnd = await WithUserManagerAsync(factory, user.Email, (users, account) => users.GetLockoutEndDateAsync(account));

        Assert.That(lockedOut.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the right password is refused while locked out");
        Assert.That(lockoutEnd!.Value - DateTimeOffset.UtcNow, Is.InRange(TimeSpan.FromMinutes(41), TimeSpan.FromMinutes(42)));

        // Identity reads the system clock for lockouts, so time "passes" by moving the lockout's end 42 minutes earlier.
        await WithUserManagerAsync(factory, user.Email, (users, account) =>
            users.SetLockoutEndDateAsync(account, lockoutEnd - TimeSpan.FromMinutes(42))
        );
        var afterwards = await LoginAsync(client, user.Email, user.Password);

        Assert.That(afterwards.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("01:00:00", 59, 61)]
    [TestCase(null, 60 * 24 * 7 - 1, 60 * 24 * 7 + 1)] // the default: 7 days
    public async Task A_token_works_until_the_configured_lifetime_ends(
        string? lifetime,
        int stillValidAfterMinutes,
        int expiredAfterMinutes
    )
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new CleanAppFactory().WithServices(s => s.AddSingleton<TimeProvider>(clock));
        if (lifetime is not null)
        {
            factory.WithSetting("Auth:TokenLifetime", lifetime);
        }

        using var client = factory.CreateClient();
        var user = await client.RegisterAsync("lifetime");

        clock.Advance(TimeSpan.FromMinutes(stillValidAfterMinutes));
        var before = await client.SendAsync(HttpMethod.Get, "/api/user", user.Token);
        clock.Advance(TimeSpan.FromMinutes(expiredAfterMinutes - stillValidAfterMinutes));
        var after = await client.SendAsync(HttpMethod.Get, "/api/user", user.Token);

        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiAssert.ErrorBodyAsync(after, HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.SendAsync(HttpMethod.Post, "/api/users/login", body: new { user = new { email, password } });

    private static async Task<T> WithUserManagerAsync<T>(
        CleanAppFactory factory,
        string email,
        Func<UserManager<ApplicationUser>, ApplicationUser, Task<T>> action
    )
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var account = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no account {email}");
        return await action(users, account);
    }
}
