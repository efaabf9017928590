using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CleanApp.WebApi.FunctionalTests.Users;

/// <summary>The documented <c>Auth:TokenLifetime</c> takes effect (the sign-in throttle that replaced the lockout: Administration/AccountLifecycleTests).</summary>
public sealed class TokenLifetimeTests
{
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
}
