using System.Linq.Expressions;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Profiles;
using CleanApp.Domain.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Articles;

/// <summary>
/// The read side of articles: explicit projections to DTOs, computed for one caller. Every projection is a single SQL
/// statement whatever the number of rows: tags come in through one join, counts and "favorited"/"following" are
/// correlated subqueries (no N+1). favoritesCount is a COUNT of favorite rows, so it is exact under concurrency.
/// </summary>
internal static class ArticleQueries
{
    public static Expression<Func<Article, ArticleDto>> ToDto(IApplicationDbContext db, Guid? callerId) =>
        a => new ArticleDto
        {
            Slug = a.Slug,
            Title = a.Title,
            Description = a.Description,
            Body = a.Body,
            TagList = a.Tags.Select(t => t.Name).ToList(),
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
            Favorited = callerId != null && db.Favorites.Any(f => f.ArticleId == a.Id && f.UserId == callerId),
            FavoritesCount = db.Favorites.Count(f => f.ArticleId == a.Id),
            Author = new ProfileDto
            {
                Username = a.Author.Username,
                Bio = a.Author.Bio,
                Image = a.Author.Image,
                Following = callerId != null && db.Follows.Any(f => f.FollowerId == callerId && f.FolloweeId == a.AuthorId),
            },
        };

    public static Expression<Func<Article, ArticleListItemDto>> ToListItem(IApplicationDbContext db, Guid? callerId) =>
        a => new ArticleListItemDto
        {
            Slug = a.Slug,
            Title = a.Title,
            Description = a.Description,
            TagList = a.Tags.Select(t => t.Name).ToList(),
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
            Favorited = callerId != null && db.Favorites.Any(f => f.ArticleId == a.Id && f.UserId == callerId),
            FavoritesCount = db.Favorites.Count(f => f.ArticleId == a.Id),
            Author = new ProfileDto
            {
                Username = a.Author.Username,
                Bio = a.Author.Bio,
                Image = a.Author.Image,
                Following = callerId != null && db.Follows.Any(f => f.FollowerId == callerId && f.FolloweeId == a.AuthorId),
            },
        };

    public static async Task<ArticleDto> GetBySlugAsync(
        IApplicationDbContext db,
        string slug,
        Guid? callerId,
        CancellationToken cancellationToken
    )
    {
        var article = await db
            .Articles.AsNoTracking()
            .Where(a => a.Slug == slug)
            .Select(ToDto(db, callerId))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("article");
        return article with { TagList = SortTags(article.TagList) };
    }

    public static async Task<ArticleDto> GetByIdAsync(IApplicationDbContext db, int id, Guid? callerId, CancellationToken cancellationToken)
    {
        var article = await db
            .Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(ToDto(db, callerId))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("article");
        return article with { TagList = SortTags(article.TagList) };
    }

    /// <summary>Two statements (count, page), newest first with the id as a deterministic tie-break.</summary>
    public static async Task<ArticlesPageDto> PageAsync(
        IApplicationDbContext db,
        IQueryable<Article> matches,
        Guid? callerId,
        int limit,
        int offset,
        CancellationToken cancellationToken
    )
    {
        var count = await matches.CountAsync(cancellationToken);
        var items = await matches
            .OrderByDescending(a => a.CreatedAt)
            .ThenByDescending(a => a.Id)
            .Skip(offset)
            .Take(limit)
            .Select(ToListItem(db, callerId))
            .ToListAsync(cancellationToken);
        return new ArticlesPageDto { Articles = items.ConvertAll(i => i with { TagList = SortTags(i.TagList) }), ArticlesCount = count };
    }

    /// <summary>Sorted in memory: database collations (SQL Server's case-insensitive default) are not ordinal.</summary>
    private static string[] SortTags(IReadOnlyList<string> tags) => [.. tags.Order(StringComparer.Ordinal)];

    /// <summary>The article's id, or a 404 <c>article</c>.</summary>
    public static async Task<int> GetIdAsync(IApplicationDbContext db, string slug, CancellationToken cancellationToken) =>
        await db.Articles.AsNoTracking().Where(a => a.Slug == slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("article");
}
