namespace CleanApp.Application.Users;

/// <summary>Password reset by email (<c>Auth:PasswordReset</c>); Infrastructure replaces these defaults with the configured values.</summary>
public sealed class PasswordResetSettings
{
    /// <summary>How long an emailed token works.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>At most one reset email per account in this time, however often someone asks (no mailbox flooding).</summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromMinutes(1);
}
