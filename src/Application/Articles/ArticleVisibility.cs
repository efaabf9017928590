using System.Linq.Expressions;
using CleanApp.Domain.Articles;

namespace CleanApp.Application.Articles;

/// <summary>
/// The one rule for which articles a public read may show (ADR 0040, ADR 0033). Every public article read goes through
/// it, inside its own SQL statement, so a new condition is added here and nowhere else:
/// <list type="bullet">
/// <item><see cref="Public"/> — published and not hidden by a moderator: tags, search, digests and notifications.</item>
/// <item><see cref="ListedFor"/> — lists and the feed: public articles, plus the caller's own hidden ones (marked hidden);
/// drafts and scheduled articles are never listed (the author has <c>GET /api/user/articles</c>).</item>
/// <item><see cref="VisibleTo"/> — one article by slug (get, comments, favorite): public, or the caller's own in any state.</item>
/// </list>
/// </summary>
public static class ArticleVisibility
{
    /// <summary>What anyone may read: published and not hidden.</summary>
    public static readonly Expression<Func<Article, bool>> IsPublic = a => a.PublishedAt != null && a.HiddenAt == null;

    public static IQueryable<Article> Public(this IQueryable<Article> articles) => articles.Where(IsPublic);

    /// <summary>Published articles that are not hidden, or hidden but written by the caller.</summary>
    public static IQueryable<Article> ListedFor(this IQueryable<Article> articles, Guid? callerId) =>
        callerId is { } id
            ? articles.Where(a => a.PublishedAt != null && (a.HiddenAt == null || a.AuthorId == id))
            : articles.Where(IsPublic);

    /// <summary>Public articles, plus the caller's own in any state; anonymous callers see public ones only.</summary>
    public static IQueryable<Article> VisibleTo(this IQueryable<Article> articles, Guid? callerId) =>
        callerId is { } id
            ? articles.Where(a => (a.PublishedAt != null && a.HiddenAt == null) || a.AuthorId == id)
            : articles.Where(IsPublic);
}
