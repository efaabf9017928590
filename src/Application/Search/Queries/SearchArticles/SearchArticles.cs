using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Articles;
using CleanApp.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Search.Queries.SearchArticles;

/// <summary>
/// Full-text search over the published articles (ADR 0041): every word of <see cref="Q"/> must match; hits are ranked by
/// relevance (title weighted highest), then by publication time; optional <c>tag</c> and <c>author</c> filters combine
/// with AND, as on the list. Each hit carries a highlighted excerpt.
/// </summary>
public sealed record SearchArticlesQuery : IRequest<ArticleSearchPageDto>
{
    public string? Q { get; init; }

    public string? Tag { get; init; }

    public string? Author { get; init; }

    public int Limit { get; init; } = Paging.DefaultLimit;

    public int Offset { get; init; }
}

public sealed class SearchArticlesQueryHandler(
    IApplicationDbContext db,
    IArticleSearch search,
    ICurrentUser currentUser,
    IConfigurationProvider mapping
) : IRequestHandler<SearchArticlesQuery, ArticleSearchPageDto>
{
    public async Task<ArticleSearchPageDto> Handle(SearchArticlesQuery request, CancellationToken cancellationToken)
    {
        var words = SearchWords.Parse(request.Q!);
        var articles = db.Articles.AsNoTracking().Public();
        if (!string.IsNullOrEmpty(request.Tag))
        {
            var tag = TagNames.NormalizeFilter(request.Tag);
            articles = articles.Where(a => a.Tags.Any(t => t.Name == tag));
        }

        if (!string.IsNullOrEmpty(request.Author))
        {
            var author = User.Normalize(request.Author);
            articles = articles.Where(a => a.Author.NormalizedUsername == author);
        }

        var hits =
            from match in search.Match(words)
            join article in articles on match.ArticleId equals article.Id
            select new
            {
                article.Id,
                article.Slug,
                match.Relevance,
                article.PublishedAt,
            };

        var count = await hits.CountAsync(cancellationToken);
        if (count == 0 || request.Offset >= count)
        {
            return new ArticleSearchPageDto { ArticlesCount = count };
        }

        var page = await hits.OrderByDescending(h => h.Relevance)
            .ThenByDescending(h => h.PublishedAt)
            .ThenByDescending(h => h.Id)
            .Skip(request.Offset)
            .Take(request.Limit)
            .Select(h => new { h.Id, h.Slug })
            .ToListAsync(cancellationToken);
        var ids = page.ConvertAll(h => h.Id);

        var items = await db
            .Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .ProjectTo<ArticleDto>(mapping, new { callerId = currentUser.Id })
            .ProjectTo<ArticleSearchResultDto>(mapping)
            .ToListAsync(cancellationToken);
        var highlights = await search.HighlightAsync(words, ids, cancellationToken);

        // The page's order is the ranking's; the projection by id comes back in any order (slugs are unique).
        var bySlug = items.ToDictionary(i => i.Slug, StringComparer.Ordinal);
        return new ArticleSearchPageDto
        {
            ArticlesCount = count,
            Articles =
            [
                .. page.Where(h => bySlug.ContainsKey(h.Slug))
                    .Select(h =>
                        bySlug[h.Slug] with
                        {
                            TagList = [.. bySlug[h.Slug].TagList.Order(StringComparer.Ordinal)],
                            Highlight = highlights.GetValueOrDefault(h.Id, string.Empty),
                        }
                    ),
            ],
        };
    }
}
