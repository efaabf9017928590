using System.Text.Json.Serialization;
using CleanApp.Application.Profiles;

namespace CleanApp.Application.Articles;

/// <summary>A single article (<c>{"article": {...}}</c>): get, create, update, favorite, unfavorite.</summary>
public sealed record ArticleDto
{
    public string Slug { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public string Body { get; init; } = string.Empty;

    /// <summary>Sorted ordinally (shared/API.md).</summary>
    public IReadOnlyList<string> TagList { get; init; } = [];

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    /// <summary><c>draft</c>, <c>scheduled</c> or <c>published</c> (<see cref="ArticleStatuses"/>); others only ever see published ones.</summary>
    public string Status { get; init; } = ArticleStatuses.Published;

    /// <summary>When it became public; null for drafts and scheduled articles. Lists are ordered by it.</summary>
    public DateTime? PublishedAt { get; init; }

    /// <summary>The time a scheduled article will be published at; null otherwise.</summary>
    public DateTime? PublishAt { get; init; }

    public bool Favorited { get; init; }

    public int FavoritesCount { get; init; }

    public ProfileDto Author { get; init; } = new();

    /// <summary>
    /// <c>true</c> only for a hidden article shown to its author; absent otherwise, so public answers are unchanged.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Hidden { get; init; }
}
