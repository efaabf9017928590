using System.Globalization;
using System.Security.Claims;
using CleanApp.Application.Accounts;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Users;
using CleanApp.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Identity;

/// <summary>
/// Mints the framework's opaque bearer token (an authentication ticket protected with Data Protection), exactly as the
/// BearerToken handler would on sign-in, and checks on every request that a token is still current. The ticket names
/// the user by id, so it survives renames and email changes (docs/decisions/0004-token-format.md), and carries the
/// account's token version, so a password change, a reset or a suspension revokes every earlier token at once
/// (docs/decisions/0030-token-revocation.md).
/// </summary>
public sealed class TokenService(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock, ApplicationDbContext db) : ITokenService
{
    public const string VersionClaim = "cleanapp:token-version";

    public async Task<string> CreateTokenAsync(Guid userId, CancellationToken cancellationToken)
    {
        var version = await db.Users.Where(u => u.Id == userId).Select(u => u.TokenVersion).SingleOrDefaultAsync(cancellationToken);
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, userId.ToString()),
                new Claim(VersionClaim, version.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
            ],
            IdentityConstants.BearerScheme
        );
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + bearer.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), properties, IdentityConstants.BearerScheme);
        return bearer.BearerTokenProtector.Protect(ticket);
    }

    /// <summary>
    /// One keyed statement per authenticated request: the account still exists, the token's version is the account's
    /// current one, and the account is not suspended. A token without a version (issued before versions existed) is
    /// version 0, which every account had until its first revocation.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        var claimed = principal.FindFirstValue(VersionClaim);
        var version = 0;
        if (claimed is not null && !int.TryParse(claimed, NumberStyles.None, CultureInfo.InvariantCulture, out version))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var suspended = db.Set<User>().Where(AccountStatus.IsSuspendedAt(now));
        var state = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.TokenVersion, Suspended = suspended.Any(s => s.Id == u.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        return state is not null && state.TokenVersion == version && !state.Suspended;
    }
}
