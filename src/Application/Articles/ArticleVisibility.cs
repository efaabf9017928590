using System.Linq.Expressions;
using CleanApp.Domain.Articles;

namespace CleanApp.Application.Articles;

/// <summary>
/// THE rule for which articles a public read shows (lists, feed, one article, its comments, favorites, tags, digests):
/// every public read of articles goes through <see cref="VisibleTo"/>, so a new condition is added here and nowhere
/// else. Today: an article a moderator hid is shown to its author only (docs/decisions/0033-moderation.md).
/// </summary>
public static class ArticleVisibility
{
    /// <summary>The articles <paramref name="callerId"/> may read; null is an anonymous caller (or a job writing to everyone).</summary>
    public static IQueryable<Article> VisibleTo(this IQueryable<Article> articles, Guid? callerId) => articles.Where(IsVisibleTo(callerId));

    public static Expression<Func<Article, bool>> IsVisibleTo(Guid? callerId) =>
        a => a.HiddenAt == null || (callerId != null && a.AuthorId == callerId);
}
