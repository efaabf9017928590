using System.Globalization;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Application.Common.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Identity;

public sealed class IdentityService(
    UserManager<ApplicationUser> userManager,
    IUserClaimsPrincipalFactory<ApplicationUser> principalFactory,
    IAuthorizationService authorizationService
) : IIdentityService
{
    public static string UserNameFor(Guid userId) => userId.ToString("N", CultureInfo.InvariantCulture);

    public Task<bool> IsEmailTakenAsync(string email, Guid? exceptUserId, CancellationToken cancellationToken)
    {
        var normalized = userManager.NormalizeEmail(email);
        return userManager.Users.AnyAsync(
            u => u.NormalizedEmail == normalized && (exceptUserId == null || u.Id != exceptUserId),
            cancellationToken
        );
    }

    public async Task<Guid?> FindIdByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = userManager.NormalizeEmail(email);
        return await userManager
            .Users.Where(u => u.NormalizedEmail == normalized)
            .Select(u => (Guid?)u.Id)
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string[]>> CreateUserAsync(Guid userId, string email, string password)
    {
        var user = new ApplicationUser
        {
            Id = userId,
            UserName = UserNameFor(userId),
            Email = email,
        };
        var result = await userManager.CreateAsync(user, password);
        ThrowIfEmailTaken(result);
        if (result.Succeeded)
        {
            Check(await userManager.AddToRoleAsync(user, Roles.User));
        }

        return ToErrors(result);
    }

    public async Task<SignInOutcome> CheckCredentialsAsync(string email, string password)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the same hashing time as for a real account, so response times don't reveal which emails exist.
            userManager.PasswordHasher.VerifyHashedPassword(new ApplicationUser(), DummyHash.Value, password);
            return new SignInOutcome(SignInStatus.Invalid, null);
        }

        // No lockout counting here: a per-account lockout lets any stranger lock the owner out. Repeated failures are
        // throttled per account and address instead (SignInThrottler, docs/decisions/0031-sign-in-throttling.md).
        return await userManager.CheckPasswordAsync(user, password)
            ? new SignInOutcome(SignInStatus.Succeeded, user.Id)
            : new SignInOutcome(SignInStatus.Invalid, null);
    }

    public async Task<string?> GetEmailAsync(Guid userId, CancellationToken cancellationToken) =>
        await userManager.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, string[]>> UpdateCredentialsAsync(Guid userId, string? newEmail, string? newPassword)
    {
        var user = await FindAsync(userId);
        if (newEmail is not null && !string.Equals(user.Email, newEmail, StringComparison.Ordinal))
        {
            user.Email = newEmail;
            user.EmailConfirmed = false;
        }

        if (newPassword is not null)
        {
            var passwordErrors = await ChangePasswordAsync(user, newPassword);
            if (passwordErrors is not null)
            {
                return passwordErrors;
            }
        }

        var updated = await userManager.UpdateAsync(user);
        ThrowIfEmailTaken(updated);
        return ToErrors(updated);
    }

    public async Task<IReadOnlyDictionary<string, string[]>> SetPasswordAsync(Guid userId, string newPassword)
    {
        var user = await FindAsync(userId);
        if (await ChangePasswordAsync(user, newPassword) is { } errors)
        {
            return errors;
        }

        return ToErrors(await userManager.UpdateAsync(user));
    }

    public async Task RevokeTokensAsync(Guid userId)
    {
        var user = await FindAsync(userId);
        user.TokenVersion++;
        Check(await userManager.UpdateSecurityStampAsync(user));
    }

    public async Task<bool> IsInRoleAsync(Guid userId, string role)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        return user is not null && await userManager.IsInRoleAsync(user, role);
    }

    public async Task<IReadOnlyList<string>> GetRolesAsync(Guid userId)
    {
        var user = await FindAsync(userId);
        return (await userManager.GetRolesAsync(user)).Where(Roles.IsKnown).Order(StringComparer.Ordinal).ToList();
    }

    public async Task SetRolesAsync(Guid userId, IReadOnlyCollection<string> roles)
    {
        var user = await FindAsync(userId);
        var wanted = roles.Where(Roles.IsKnown).Append(Roles.User).ToHashSet(StringComparer.Ordinal);
        var held = (await userManager.GetRolesAsync(user)).Where(Roles.IsKnown).ToList();
        var stale = held.Where(r => !wanted.Contains(r)).ToList();
        var missing = wanted.Where(r => !held.Contains(r, StringComparer.Ordinal)).ToList();
        if (stale.Count > 0)
        {
            Check(await userManager.RemoveFromRolesAsync(user, stale));
        }

        if (missing.Count > 0)
        {
            Check(await userManager.AddToRolesAsync(user, missing));
        }
    }

    public async Task<bool> AuthorizeAsync(Guid userId, string policyName)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return false;
        }

        var principal = await principalFactory.CreateAsync(user);
        var result = await authorizationService.AuthorizeAsync(principal, policyName);
        return result.Succeeded;
    }

    private async Task<ApplicationUser> FindAsync(Guid userId) =>
        await userManager.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No credentials for user {userId}.");

    /// <summary>Validates and hashes a new password, and revokes the tokens issued under the old one; null when it is accepted.</summary>
    private async Task<Dictionary<string, string[]>?> ChangePasswordAsync(ApplicationUser user, string newPassword)
    {
        var passwordErrors = new List<IdentityError>();
        foreach (var validator in userManager.PasswordValidators)
        {
            var check = await validator.ValidateAsync(userManager, user, newPassword);
            passwordErrors.AddRange(check.Errors);
        }

        if (passwordErrors.Count > 0)
        {
            return ToErrors(IdentityResult.Failed([.. passwordErrors]));
        }

        user.PasswordHash = userManager.PasswordHasher.HashPassword(user, newPassword);
        user.TokenVersion++;
        await userManager.UpdateSecurityStampAsync(user);
        return null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>
    /// Identity's own uniqueness check runs inside the command's transaction, so it only fails when a concurrent request
    /// took the email after the handler's check: that is the documented 409, not a validation error with Identity's wording.
    /// </summary>
    private static void ThrowIfEmailTaken(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            throw new ConflictException("email", ValidationMessages.Taken);
        }
    }

    private static Dictionary<string, string[]> ToErrors(IdentityResult result) =>
        result
            .Errors.GroupBy(e => FieldOf(e.Code), e => e.Description, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static string FieldOf(string code) =>
        code.Contains("Email", StringComparison.Ordinal) ? "email"
        : code.Contains("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("UserName", StringComparison.Ordinal) ? "username"
        : "user";

    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<ApplicationUser>().HashPassword(new ApplicationUser(), Guid.NewGuid().ToString())
    );
}
