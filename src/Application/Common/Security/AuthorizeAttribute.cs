namespace CleanApp.Application.Common.Security;

/// <summary>
/// Put on a request type to require an authenticated caller, optionally in one of <see cref="Roles"/> (comma separated)
/// and satisfying <see cref="Policy"/>. Checked by the authorization behaviour for HTTP requests and jobs alike.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    public string Roles { get; set; } = string.Empty;

    public string Policy { get; set; } = string.Empty;
}
