namespace CleanApp.Application.Common.Interfaces;

/// <summary>Credentials and roles, kept in the identity store (ASP.NET Core Identity) under the profile's id.</summary>
public interface IIdentityService
{
    Task<bool> IsEmailTakenAsync(string email, Guid? exceptUserId, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the credential record. Returns error messages keyed by field, empty on success; throws a
    /// <c>ConflictException</c> when the email was taken concurrently.
    /// </summary>
    Task<IReadOnlyDictionary<string, string[]>> CreateUserAsync(Guid userId, string email, string password);

    Task<SignInOutcome> CheckCredentialsAsync(string email, string password);

    Task<string?> GetEmailAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string[]>> UpdateCredentialsAsync(Guid userId, string? newEmail, string? newPassword);

    Task<bool> IsInRoleAsync(Guid userId, string role);

    Task<bool> AuthorizeAsync(Guid userId, string policyName);
}

public enum SignInStatus
{
    Succeeded,
    Invalid,
    LockedOut,
}

public sealed record SignInOutcome(SignInStatus Status, Guid? UserId);
