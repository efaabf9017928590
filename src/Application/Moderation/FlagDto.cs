namespace CleanApp.Application.Moderation;

/// <summary>A flag (<c>{"flag": {...}}</c>, and each item of the moderators' queue <c>{"flags": [...]}</c>).</summary>
public sealed record FlagDto
{
    public int Id { get; init; }

    public string Reason { get; init; } = string.Empty;

    /// <summary><c>open</c>, <c>dismissed</c>, <c>hidden</c> or <c>deleted</c> (what the resolution did to the content).</summary>
    public string Status { get; init; } = FlagStatuses.Open;

    public DateTime CreatedAt { get; init; }

    /// <summary>The reporter's username.</summary>
    public string Reporter { get; init; } = string.Empty;

    public FlaggedContentDto Target { get; init; } = new();

    public DateTime? ResolvedAt { get; init; }

    /// <summary>The moderator's reason, when they gave one.</summary>
    public string? Resolution { get; init; }
}
