using System.Linq.Expressions;
using CleanApp.Domain.Articles;

namespace CleanApp.Application.Articles;

/// <summary>
/// The one rule for which articles a public read may show (ADR 0040). Every public article read goes through it, inside
/// its own SQL statement: lists, the feed, tags, search and the daily digest use <see cref="Public"/>; reads of one article
/// by slug (get, comments, favorite) use <see cref="VisibleTo"/>, which also lets an author open their own draft.
/// </summary>
public static class ArticleVisibility
{
    /// <summary>What anyone may read: published articles.</summary>
    public static readonly Expression<Func<Article, bool>> IsPublic = a => a.PublishedAt != null;

    public static IQueryable<Article> Public(this IQueryable<Article> articles) => articles.Where(IsPublic);

    /// <summary>Public articles, plus the caller's own in any state; anonymous callers see public ones only.</summary>
    public static IQueryable<Article> VisibleTo(this IQueryable<Article> articles, Guid? callerId) =>
        callerId is { } id ? articles.Where(OrAuthoredBy(IsPublic, id)) : articles.Where(IsPublic);

    private static Expression<Func<Article, bool>> OrAuthoredBy(Expression<Func<Article, bool>> rule, Guid authorId)
    {
        Expression<Func<Article, bool>> authored = a => a.AuthorId == authorId;
        var parameter = rule.Parameters[0];
        var body = new ReplaceParameter(authored.Parameters[0], parameter).Visit(authored.Body);
        return Expression.Lambda<Func<Article, bool>>(Expression.OrElse(rule.Body, body), parameter);
    }

    private sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
