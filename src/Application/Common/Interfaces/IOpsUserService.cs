namespace CleanApp.Application.Common.Interfaces;

/// <summary>
/// Ops staff accounts for the jobs dashboard: Identity users holding one of <see cref="Security.OpsRoles"/>. Sign-in goes
/// through the same throttle as the public API (Auth:SignInThrottle).
/// </summary>
public interface IOpsUserService
{
    /// <summary>Checks the password (the attempt counts towards the sign-in throttle) and that the account holds an ops role.</summary>
    Task<OpsSignInResult> CheckCredentialsAsync(string email, string password, string? clientAddress);

    /// <summary>The account as it is now, or null when it no longer exists or lost every ops role.</summary>
    Task<OpsAccount?> FindActiveAsync(Guid userId);

    /// <summary>Creates the account (or resets its password) and grants <paramref name="role"/>, removing the other ops role.</summary>
    Task<IReadOnlyDictionary<string, string[]>> CreateOrUpdateAsync(string email, string password, string role);
}

public enum OpsSignInStatus
{
    Succeeded,
    Invalid,
    Throttled,
    NotOpsUser,
}

public sealed record OpsAccount(Guid UserId, string Email, IReadOnlyList<string> Roles, string SecurityStamp);

public sealed record OpsSignInResult(OpsSignInStatus Status, OpsAccount? Account, TimeSpan? RetryAfter = null);
