namespace CleanApp.Application.Articles;

/// <summary>One page of a list or the feed; <see cref="ArticlesCount"/> is the total number of matches, not the page size.</summary>
public sealed record ArticlesPageDto
{
    public IReadOnlyList<ArticleListItemDto> Articles { get; init; } = [];

    public int ArticlesCount { get; init; }
}
