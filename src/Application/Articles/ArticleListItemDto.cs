using System.Text.Json.Serialization;
using CleanApp.Application.Profiles;

namespace CleanApp.Application.Articles;

/// <summary>
/// An article in a list or the feed. It has no <c>Body</c> at all: the conformance suite checks that list items have no
/// <c>body</c> key, so a null would fail (shared/API.md).
/// </summary>
public sealed record ArticleListItemDto
{
    public string Slug { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    /// <summary>Sorted ordinally (shared/API.md).</summary>
    public IReadOnlyList<string> TagList { get; init; } = [];

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public bool Favorited { get; init; }

    public int FavoritesCount { get; init; }

    public ProfileDto Author { get; init; } = new();

    /// <summary>
    /// <c>true</c> only for a hidden article shown to its author; absent otherwise, so public answers are unchanged.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Hidden { get; init; }
}
