namespace CleanApp.Application.Common.Security;

/// <summary>
/// The sign-in throttle's numbers (<c>Auth:SignInThrottle</c>, docs/decisions/0031-sign-in-throttling.md). Infrastructure
/// replaces these defaults with the configured values.
/// </summary>
public sealed class SignInThrottleSettings
{
    /// <summary>Attempts one client address may make on one account per <see cref="PerAddressWindow"/>.</summary>
    public int PerAddressAttempts { get; init; } = 5;

    public TimeSpan PerAddressWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts all addresses together may make on one account per <see cref="PerAccountWindow"/>.</summary>
    public int PerAccountAttempts { get; init; } = 20;

    /// <summary>Also the longest time strangers can keep the account's owner out.</summary>
    public TimeSpan PerAccountWindow { get; init; } = TimeSpan.FromMinutes(5);
}
