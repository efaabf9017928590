using System.Text.Json;
using CleanApp.Application.Search;
using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Search;

/// <summary>
/// SQLite FTS5 (ADR 0041): the external-content table <c>ArticleSearch</c> over <c>Articles</c> (title, description,
/// body, tags), kept in step by triggers on <c>Articles</c> inside each write's own transaction (the Search migration).
/// Each word is quoted as an FTS5 string, so the engine never parses user text as query syntax.
/// </summary>
public sealed class SqliteArticleSearch(ApplicationDbContext db) : IArticleSearch
{
    /// <summary>bm25 column weights in the table's column order: title, description, body, tags. Lower bm25 is better.</summary>
    public const string Weights = "10.0, 3.0, 1.0, 5.0";

    /// <summary>Tokens of context in an excerpt (FTS5's maximum is 64).</summary>
    public const int ExcerptTokens = 24;

    /// <summary><c>"word" "word"</c>: FTS5 strings, implicitly AND-ed; a double quote inside a word would be doubled.</summary>
    public static string MatchExpression(SearchWords words) =>
        string.Join(' ', words.Words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    public IQueryable<ArticleSearchMatch> Match(SearchWords words) =>
        db.Database.SqlQueryRaw<ArticleSearchMatch>(
            $"""
            SELECT "rowid" AS "ArticleId", -bm25("ArticleSearch", {Weights}) AS "Relevance"
            FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {"{0}"}
            """,
            MatchExpression(words)
        );

    public async Task<IReadOnlyDictionary<int, string>> HighlightAsync(
        SearchWords words,
        IReadOnlyCollection<int> articleIds,
        CancellationToken cancellationToken
    )
    {
        if (articleIds.Count == 0)
        {
            return new Dictionary<int, string>();
        }

        // snippet() picks the column with the best matches; the delimiters become <mark> after escaping.
        var excerpts = await db
            .Database.SqlQueryRaw<Excerpt>(
                $"""
                SELECT "rowid" AS "ArticleId",
                       snippet("ArticleSearch", -1, char({(int)HighlightMarkup.Open}), char({(int)
                    HighlightMarkup.Close}), '{HighlightMarkup.Ellipsis}', {ExcerptTokens}) AS "Text"
                FROM "ArticleSearch"
                WHERE "ArticleSearch" MATCH {"{0}"} AND "rowid" IN (SELECT "value" FROM json_each({"{1}"}))
                """,
                MatchExpression(words),
                JsonSerializer.Serialize(articleIds)
            )
            .ToListAsync(cancellationToken);
        return excerpts.ToDictionary(e => e.ArticleId, e => HighlightMarkup.ToHtml(e.Text ?? string.Empty));
    }

    private sealed record Excerpt
    {
        public int ArticleId { get; init; }

        public string? Text { get; init; }
    }
}
