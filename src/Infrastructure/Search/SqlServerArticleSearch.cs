using System.Text;
using CleanApp.Application.Search;
using CleanApp.Domain.Articles;
using CleanApp.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Search;

/// <summary>
/// SQL Server full-text search (ADR 0041): the full-text index on <c>Articles</c> (title, description, body, tags; catalog
/// and index in the SQL Server migration, no stoplist, accent-insensitive). One <c>CONTAINS(*, …)</c> per word makes
/// every word match somewhere in the article (one CONTAINS over a column list would want them all in one column);
/// relevance is the weighted sum of the per-column <c>CONTAINSTABLE</c> ranks, title highest. Each word is a quoted
/// simple term in its own parameter, so the engine never parses user text as query syntax.
/// </summary>
public sealed class SqlServerArticleSearch(ApplicationDbContext db) : IArticleSearch
{
    /// <summary>Per-column weights of the rank (title, tags, description, body), as FTS5's bm25 weights on SQLite.</summary>
    public const string RankExpression =
        "10.0 * COALESCE(t.[RANK], 0) + 5.0 * COALESCE(g.[RANK], 0) + 3.0 * COALESCE(d.[RANK], 0) + 1.0 * COALESCE(b.[RANK], 0)";

    /// <summary><c>"word"</c>: a CONTAINS simple term; a double quote inside a word would be doubled.</summary>
    public static string Term(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string AnyWord(SearchWords words) => string.Join(" OR ", words.Words.Select(Term));

    public IQueryable<ArticleSearchMatch> Match(SearchWords words)
    {
        var parameters = new List<SqlParameter> { new("@any", AnyWord(words)) };
        var sql = new StringBuilder(
            $"""
            SELECT a.[Id] AS [ArticleId], CAST({RankExpression} AS float) AS [Relevance]
            FROM [Articles] AS a
            LEFT JOIN CONTAINSTABLE([Articles], [Title], @any) AS t ON t.[KEY] = a.[Id]
            LEFT JOIN CONTAINSTABLE([Articles], [SearchTags], @any) AS g ON g.[KEY] = a.[Id]
            LEFT JOIN CONTAINSTABLE([Articles], [Description], @any) AS d ON d.[KEY] = a.[Id]
            LEFT JOIN CONTAINSTABLE([Articles], [Body], @any) AS b ON b.[KEY] = a.[Id]
            WHERE 1 = 1
            """
        );
        for (var i = 0; i < words.Words.Count; i++)
        {
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"\nAND CONTAINS(*, @w{i})");
            parameters.Add(new SqlParameter($"@w{i}", Term(words.Words[i])));
        }

        return db.Database.SqlQueryRaw<ArticleSearchMatch>(sql.ToString(), [.. parameters]);
    }

    /// <summary>SQL Server has no snippet function: the page's texts are read back and excerpted here (<see cref="Excerpts"/>).</summary>
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

        var ids = articleIds.ToList();
        var texts = await db.Set<Article>()
            .AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Description,
                a.Body,
                Tags = EF.Property<string>(a, SearchTagsInterceptor.SearchTags),
            })
            .ToListAsync(cancellationToken);
        return texts.ToDictionary(t => t.Id, t => HighlightMarkup.ToHtml(Excerpts.Best(words, [t.Title, t.Description, t.Body, t.Tags])));
    }
}
