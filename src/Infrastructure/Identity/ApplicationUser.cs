using Microsoft.AspNetCore.Identity;

namespace CleanApp.Infrastructure.Identity;

/// <summary>
/// The credential record (email, password hash, roles). Its <c>UserName</c> is the id in "N" form, never the public
/// username, so renaming a profile never touches credentials; the public username lives on the domain User.
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    /// <summary>
    /// Every token carries the version it was issued under; raising it revokes all of them at once (a new password, a
    /// reset, a suspension). Tokens from before versions existed count as version 0 (docs/decisions/0030-token-revocation.md).
    /// </summary>
    public int TokenVersion { get; set; }
}
