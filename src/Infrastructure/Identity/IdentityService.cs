using System.Globalization;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
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

        if (await userManager.IsLockedOutAsync(user))
        {
            return new SignInOutcome(SignInStatus.LockedOut, null);
        }

        if (await userManager.CheckPasswordAsync(user, password))
        {
            await userManager.ResetAccessFailedCountAsync(user);
            return new SignInOutcome(SignInStatus.Succeeded, user.Id);
        }

        await userManager.AccessFailedAsync(user);
        return await userManager.IsLockedOutAsync(user)
            ? new SignInOutcome(SignInStatus.LockedOut, null)
            : new SignInOutcome(SignInStatus.Invalid, null);
    }

    public async Task<string?> GetEmailAsync(Guid userId, CancellationToken cancellationToken) =>
        await userManager.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, string[]>> UpdateCredentialsAsync(Guid userId, string? newEmail, string? newPassword)
    {
        var user = await userManager.FindByIdAsync(userId.ToString())
            ?? throw new InvalidOperationException($"No credentials for user {userId}.");
        if (newEmail is not null && !string.Equals(user.Email, newEmail, StringComparison.Ordinal))
        {
            user.Email = newEmail;
            user.EmailConfirmed = false;
        }

        if (newPassword is not null)
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
            await userManager.UpdateSecurityStampAsync(user);
        }

        var updated = await userManager.UpdateAsync(user);
        ThrowIfEmailTaken(updated);
        return ToErrors(updated);
    }

    public async Task<bool> IsInRoleAsync(Guid userId, string role)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        return user is not null && await userManager.IsInRoleAsync(user, role);
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
