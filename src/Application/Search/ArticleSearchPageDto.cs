namespace CleanApp.Application.Search;

/// <summary>One page of search hits, most relevant first; <see cref="ArticlesCount"/> is the total number of hits.</summary>
public sealed record ArticleSearchPageDto
{
    public IReadOnlyList<ArticleSearchResultDto> Articles { get; init; } = [];

    public int ArticlesCount { get; init; }
}
