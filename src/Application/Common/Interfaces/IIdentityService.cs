namespace CleanApp.Application.Common.Interfaces;

/// <summary>Credentials and roles, kept in the identity store (ASP.NET Core Identity) under the profile's id.</summary>
public interface IIdentityService
{
    Task<bool> IsEmailTakenAsync(string email, Guid? exceptUserId, CancellationToken cancellationToken);

    /// <summary>The account holding <paramref name="email"/> (compared as the identity store normalizes it), or null.</summary>
    Task<Guid?> FindIdByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the credential record in the <c>user</c> role. Returns error messages keyed by field, empty on success;
    /// throws a <c>ConflictException</c> when the email was taken concurrently.
    /// </summary>
    Task<IReadOnlyDictionary<string, string[]>> CreateUserAsync(Guid userId, string email, string password);

    /// <summary>
    /// Checks the password only (the same hashing time for unknown emails). Repeated failures are throttled by the
    /// callers (<see cref="Security.SignInThrottler"/>), not by locking the account out.
    /// </summary>
    Task<SignInOutcome> CheckCredentialsAsync(string email, string password);

    Task<string?> GetEmailAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>A new password also revokes every token issued before it (docs/decisions/0030-token-revocation.md).</summary>
    Task<IReadOnlyDictionary<string, string[]>> UpdateCredentialsAsync(Guid userId, string? newEmail, string? newPassword);

    /// <summary>Sets a new password (reset by email, or the <c>create-admin</c> verb) and revokes every earlier token.</summary>
    Task<IReadOnlyDictionary<string, string[]>> SetPasswordAsync(Guid userId, string newPassword);

    /// <summary>Every token issued to the account so far stops working at its next request.</summary>
    Task RevokeTokensAsync(Guid userId);

    Task<bool> IsInRoleAsync(Guid userId, string role);

    /// <summary>The account's publishing roles (<see cref="Security.Roles"/>), sorted; ops roles are left out.</summary>
    Task<IReadOnlyList<string>> GetRolesAsync(Guid userId);

    /// <summary>
    /// Makes the account hold exactly <paramref name="roles"/> among the publishing roles (always with <c>user</c>); ops
    /// roles are untouched.
    /// </summary>
    Task SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles);

    Task<bool> AuthorizeAsync(Guid userId, string policyName);
}

public enum SignInStatus
{
    Succeeded,
    Invalid,
}

public sealed record SignInOutcome(SignInStatus Status, Guid? UserId);
