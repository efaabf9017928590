namespace CleanApp.Application.Search;

/// <summary>
/// The full-text index of articles (ADR 0041): SQLite FTS5 on the embedded default, SQL Server full-text search in
/// production. Both index title, description, body and tags, and are kept consistent with every write in the same
/// transaction. Visibility is not the index's business: callers join <see cref="Match"/> with the public articles.
/// </summary>
public interface IArticleSearch
{
    /// <summary>
    /// Every article (any state) containing all the words, with its relevance, higher = better (title weighted highest,
    /// then tags, description, body). Composable with other queries of the same unit of work, so filters, count and paging
    /// run in the database.
    /// </summary>
    IQueryable<ArticleSearchMatch> Match(SearchWords words);

    /// <summary>
    /// A short excerpt per article around the words, as an HTML fragment: the article's text HTML-escaped, each matched
    /// word in <c>&lt;mark&gt;…&lt;/mark&gt;</c>, cuts marked with "…".
    /// </summary>
    Task<IReadOnlyDictionary<int, string>> HighlightAsync(
        SearchWords words,
        IReadOnlyCollection<int> articleIds,
        CancellationToken cancellationToken
    );
}

/// <summary>One row of <see cref="IArticleSearch.Match"/>.</summary>
public sealed record ArticleSearchMatch
{
    public int ArticleId { get; init; }

    public double Relevance { get; init; }
}
