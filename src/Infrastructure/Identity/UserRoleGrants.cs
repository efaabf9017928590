using CleanApp.Application.Common.Security;
using CleanApp.Domain.Users;
using CleanApp.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Identity;

/// <summary>
/// Grants a public API role (<see cref="Roles"/>) to an account by username, creating the role on first use. The
/// bootstrap path for the first editor or admin (<c>grant-role</c> on the command line, README); roles are otherwise
/// managed by admins.
/// </summary>
public sealed class UserRoleGrants(ApplicationDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole<Guid>> roles)
{
    public static readonly IReadOnlyList<string> Grantable = [Roles.User, Roles.Editor, Roles.Admin];

    /// <summary>Null on success, else why not (unknown user or role).</summary>
    public async Task<string?> GrantAsync(string username, string role)
    {
        if (!Grantable.Contains(role, StringComparer.Ordinal))
        {
            return $"role must be one of {string.Join(", ", Grantable)}";
        }

        var normalized = User.Normalize(username.Trim());
        var userId = await db.Set<User>().Where(u => u.NormalizedUsername == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync();
        var account = userId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (account is null)
        {
            return $"no user named {username}";
        }

        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.NewGuid() }));
        }

        if (!await users.IsInRoleAsync(account, role))
        {
            Check(await users.AddToRoleAsync(account, role));
        }

        return null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
