using System.Security.Claims;
using CleanApp.Application.Common.Interfaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Identity;

/// <summary>
/// Mints the framework's opaque bearer token (an authentication ticket protected with Data Protection), exactly as the
/// BearerToken handler would on sign-in. The ticket names the user by id only, so it survives renames and email changes
/// (docs/decisions/0004-token-format.md).
/// </summary>
public sealed class TokenService(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock) : ITokenService
{
    public string CreateToken(Guid userId)
    {
        var bearer = options.Get(IdentityConstants.BearerScheme);
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString())], IdentityConstants.BearerScheme);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + bearer.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), properties, IdentityConstants.BearerScheme);
        return bearer.BearerTokenProtector.Protect(ticket);
    }
}
