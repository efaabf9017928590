using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Articles;

/// <summary>
/// The read side of articles, computed for one caller (<see cref="ArticleMappingProfile"/>). Every projection is a single
/// SQL statement whatever the number of rows: tags come in through one join, counts and "favorited"/"following" are
/// correlated subqueries (no N+1). Every lookup applies <see cref="ArticleVisibility"/> for the caller: an article the
/// caller may not see does not exist for them (404).
/// </summary>
internal static class ArticleQueries
{
    /// <summary>One article the caller may see (<see cref="ArticleVisibility.VisibleTo"/>), or a 404.</summary>
    public static Task<ArticleDto> GetBySlugAsync(
        IApplicationDbContext db,
        IConfigurationProvider mapping,
        string slug,
        Guid? callerId,
        CancellationToken cancellationToken
    ) => SingleAsync(db.Articles.VisibleTo(callerId).Where(a => a.Slug == slug), mapping, callerId, cancellationToken);

    /// <summary>By id, whatever its state: for commands that have already checked that the caller may act on it.</summary>
    public static Task<ArticleDto> GetByIdAsync(
        IApplicationDbContext db,
        IConfigurationProvider mapping,
        int id,
        Guid? callerId,
        CancellationToken cancellationToken
    ) => SingleAsync(db.Articles.Where(a => a.Id == id), mapping, callerId, cancellationToken);

    /// <summary>
    /// Two statements (count, page), most recently published first with the id as a deterministic tie-break (ADR 0040:
    /// lists follow publication, not creation). <paramref name="newestFirst"/> replaces the order where publication
    /// times are missing (the author's own drafts).
    /// </summary>
    public static async Task<ArticlesPageDto> PageAsync(
        IQueryable<Article> matches,
        IConfigurationProvider mapping,
        Guid? callerId,
        int limit,
        int offset,
        CancellationToken cancellationToken,
        Func<IQueryable<Article>, IOrderedQueryable<Article>>? newestFirst = null
    )
    {
        var count = await matches.CountAsync(cancellationToken);
        var ordered = newestFirst?.Invoke(matches) ?? matches.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);
        var items = await ordered
            .Skip(offset)
            .Take(limit)
            .ProjectTo<ArticleDto>(mapping, new { callerId })
            .ProjectTo<ArticleListItemDto>(mapping)
            .ToListAsync(cancellationToken);
        return new ArticlesPageDto { Articles = items.ConvertAll(i => i with { TagList = SortTags(i.TagList) }), ArticlesCount = count };
    }

    /// <summary>The id of an article the caller may see (<see cref="ArticleVisibility.VisibleTo"/>), or a 404 <c>article</c>.</summary>
    public static async Task<int> GetVisibleIdAsync(
        IApplicationDbContext db,
        string slug,
        Guid? callerId,
        CancellationToken cancellationToken
    ) =>
        await db
            .Articles.AsNoTracking()
            .VisibleTo(callerId)
            .Where(a => a.Slug == slug)
            .Select(a => (int?)a.Id)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("article");

    private static async Task<ArticleDto> SingleAsync(
        IQueryable<Article> article,
        IConfigurationProvider mapping,
        Guid? callerId,
        CancellationToken cancellationToken
    )
    {
        var dto = await article.AsNoTracking().ProjectTo<ArticleDto>(mapping, new { callerId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("article");
        return dto with { TagList = SortTags(dto.TagList) };
    }

    /// <summary>Sorted in memory: database collations (SQL Server's case-insensitive default) are not ordinal.</summary>
    private static string[] SortTags(IReadOnlyList<string> tags) => [.. tags.Order(StringComparer.Ordinal)];
}
