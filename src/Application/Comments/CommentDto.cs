using System.Text.Json.Serialization;
using CleanApp.Application.Profiles;

namespace CleanApp.Application.Comments;

/// <summary>A comment (<c>{"comment": {...}}</c> or an item of <c>{"comments": [...]}</c>).</summary>
public sealed record CommentDto
{
    public int Id { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public string Body { get; init; } = string.Empty;

    public ProfileDto Author { get; init; } = new();

    /// <summary>
    /// <c>true</c> only for a hidden comment shown to its author; absent otherwise, so public answers are unchanged.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Hidden { get; init; }
}
