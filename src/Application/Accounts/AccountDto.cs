namespace CleanApp.Application.Accounts;

/// <summary>An account as administrators see it (<c>{"account": {...}}</c>, and each item of <c>{"accounts": [...]}</c>).</summary>
public sealed record AccountDto
{
    public string Username { get; init; } = string.Empty;

    public string? Email { get; init; }

    /// <summary>Publishing roles, sorted (<c>user</c> always among them).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary><c>active</c> or <c>suspended</c>.</summary>
    public string Status { get; init; } = AccountStatus.Active;

    /// <summary>Set while suspended: since when, until when (null: until lifted), and why.</summary>
    public DateTime? SuspendedAt { get; init; }

    public DateTime? SuspendedUntil { get; init; }

    public string? SuspensionReason { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? LastSignInAt { get; init; }

    public int ArticlesCount { get; init; }

    public int CommentsCount { get; init; }
}
