using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Accounts;

/// <summary>Read-side helpers of the administration: accounts by username, their projection, the active administrators.</summary>
internal static class AccountQueries
{
    /// <summary>The profile id of <paramref name="username"/> (case-insensitive), or a 404 <c>account</c>.</summary>
    public static async Task<Guid> GetIdAsync(IApplicationDbContext db, string username, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(username);
        return await db
            .Users.AsNoTracking()
            .Where(u => u.NormalizedUsername == normalized)
            .Select(u => (Guid?)u.Id)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("account");
    }

    public static IQueryable<AccountDto> Project(
        IQueryable<User> users,
        IApplicationDbContext db,
        IConfigurationProvider mapping,
        DateTime now
    ) =>
        users.ProjectTo<AccountDto>(
            mapping,
            new
            {
                identityAccounts = db.IdentityAccounts,
                identityRoles = db.IdentityAccountRoles,
                articles = db.Articles,
                comments = db.Comments,
                now,
            }
        );

    public static async Task<AccountDto> GetAsync(
        IApplicationDbContext db,
        IConfigurationProvider mapping,
        Guid id,
        DateTime now,
        CancellationToken cancellationToken
    )
    {
        var account = await Project(db.Users.AsNoTracking().Where(u => u.Id == id), db, mapping, now)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("account");
        return account with { Roles = [.. account.Roles.Order(StringComparer.Ordinal)] };
    }

    /// <summary>Administrators who can act now (holding the role and not suspended): the last one must stay.</summary>
    public static Task<int> CountActiveAdministratorsAsync(IApplicationDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var admins = db.IdentityAccountRoles.Where(r => r.Role == Roles.Admin);
        return db.Users.Where(AccountStatus.IsActiveAt(now)).CountAsync(u => admins.Any(r => r.UserId == u.Id), cancellationToken);
    }
}
