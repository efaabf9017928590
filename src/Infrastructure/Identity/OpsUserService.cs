using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using Microsoft.AspNetCore.Identity;

namespace CleanApp.Infrastructure.Identity;

public sealed class OpsUserService(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IIdentityService identity,
    SignInThrottler throttle
) : IOpsUserService
{
    public async Task<OpsSignInResult> CheckCredentialsAsync(string email, string password, string? clientAddress)
    {
        if (await throttle.BeginAttemptAsync(email, clientAddress, CancellationToken.None) is { } retryAfter)
        {
            return new OpsSignInResult(OpsSignInStatus.Throttled, null, retryAfter);
        }

        var outcome = await identity.CheckCredentialsAsync(email, password);
        if (outcome.Status != SignInStatus.Succeeded)
        {
            return new OpsSignInResult(OpsSignInStatus.Invalid, null);
        }

        await throttle.ForgiveAsync(email, clientAddress, CancellationToken.None);
        var account = await FindActiveAsync(outcome.UserId!.Value);
        return account is null
            ? new OpsSignInResult(OpsSignInStatus.NotOpsUser, null)
            : new OpsSignInResult(OpsSignInStatus.Succeeded, account);
    }

    public async Task<OpsAccount?> FindActiveAsync(Guid userId)
    {
        var user = await userManager.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return null;
        }

        var roles = (await userManager.GetRolesAsync(user))
            .Where(r => OpsRoles.All.Contains(r, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return roles.Count == 0 ? null : new OpsAccount(user.Id, user.Email ?? string.Empty, roles, user.SecurityStamp ?? string.Empty);
    }

    public async Task<IReadOnlyDictionary<string, string[]>> CreateOrUpdateAsync(string email, string password, string role)
    {
        if (!OpsRoles.All.Contains(role, StringComparer.Ordinal))
        {
            return One("role", $"must be one of {string.Join(", ", OpsRoles.All)}");
        }

        foreach (var name in OpsRoles.All)
        {
            if (!await roleManager.RoleExistsAsync(name))
            {
                Check(await roleManager.CreateAsync(new IdentityRole<Guid>(name) { Id = Guid.NewGuid() }));
            }
        }

        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            var id = Guid.NewGuid();
            user = new ApplicationUser
            {
                Id = id,
                UserName = IdentityService.UserNameFor(id),
                Email = email,
                EmailConfirmed = true,
            };
            var created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return ToErrors(created);
            }
        }
        else
        {
            // The shared password path: validated, hashed, and every earlier session and token revoked (a new stamp).
            var errors = await identity.SetPasswordAsync(user.Id, password);
            if (errors.Count > 0)
            {
                return new Dictionary<string, string[]>(errors, StringComparer.Ordinal);
            }

            user = await userManager.FindByIdAsync(user.Id.ToString()) ?? user;
        }

        var current = await userManager.GetRolesAsync(user);
        var stale = current.Where(r => OpsRoles.All.Contains(r, StringComparer.Ordinal) && r != role).ToList();
        if (stale.Count > 0)
        {
            Check(await userManager.RemoveFromRolesAsync(user, stale));
        }

        if (!current.Contains(role, StringComparer.Ordinal))
        {
            Check(await userManager.AddToRoleAsync(user, role));
        }

        return new Dictionary<string, string[]>(StringComparer.Ordinal);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static Dictionary<string, string[]> One(string key, string message) => new(StringComparer.Ordinal) { [key] = [message] };

    private static Dictionary<string, string[]> ToErrors(IdentityResult result) =>
        result
            .Errors.GroupBy(
                e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email",
                e => e.Description,
                StringComparer.Ordinal
            )
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
}
