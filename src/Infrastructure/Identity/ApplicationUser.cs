using Microsoft.AspNetCore.Identity;

namespace CleanApp.Infrastructure.Identity;

/// <summary>
/// The credential record (email, password hash, lockout, roles). Its <c>UserName</c> is the id in "N" form, never the
/// public username, so renaming a profile never touches credentials; the public username lives on the domain User.
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>;
