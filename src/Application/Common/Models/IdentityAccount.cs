namespace CleanApp.Application.Common.Models;

/// <summary>
/// A credential record of the identity store as the Application may read it (never a password hash): the administration
/// searches and shows accounts by email. Composable in queries (init properties, no constructor), read-only.
/// </summary>
public sealed class IdentityAccount
{
    public Guid Id { get; init; }

    public string? Email { get; init; }

    /// <summary>Upper-cased by the identity store; search compares against it so case never matters.</summary>
    public string? NormalizedEmail { get; init; }
}

/// <summary>One role held by one account (publishing roles and ops roles alike).</summary>
public sealed class IdentityAccountRole
{
    public Guid UserId { get; init; }

    public string Role { get; init; } = string.Empty;
}
