using CleanApp.Application.Profiles;

namespace CleanApp.Application.Search;

/// <summary>A search hit: the list item's shape (no body) plus <see cref="Highlight"/>.</summary>
public sealed record ArticleSearchResultDto
{
    public string Slug { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    /// <summary>Sorted ordinally (shared/API.md).</summary>
    public IReadOnlyList<string> TagList { get; init; } = [];

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public string Status { get; init; } = Articles.ArticleStatuses.Published;

    public DateTime? PublishedAt { get; init; }

    public DateTime? PublishAt { get; init; }

    public bool Favorited { get; init; }

    public int FavoritesCount { get; init; }

    public ProfileDto Author { get; init; } = new();

    /// <summary>An HTML fragment: an excerpt of the article, escaped, with the matched words in <c>&lt;mark&gt;</c>.</summary>
    public string Highlight { get; init; } = string.Empty;
}
