using AutoMapper;
using CleanApp.Domain.Articles;

namespace CleanApp.Application.Articles;

/// <summary>
/// The one definition of an article on the read side. A list item is the same projection without the body, so a field
/// changes in one place. favoritesCount is a COUNT of favorite rows (exact under concurrency, docs/decisions/0013).
/// </summary>
public sealed class ArticleMappingProfile : Profile
{
    public ArticleMappingProfile()
    {
        // Replaced at query time by ProjectTo(..., new { callerId }) and sent as a SQL parameter; null means anonymous.
        Guid? callerId = null;

        // Tags arrive in database order; ArticleQueries sorts them ordinally (collations are not ordinal).
        CreateMap<Article, ArticleDto>()
            .ForMember(d => d.TagList, o => o.MapFrom(a => a.Tags.Select(t => t.Name)))
            .ForMember(d => d.Favorited, o => o.MapFrom(a => callerId != null && a.Favorites.Any(f => f.UserId == callerId)))
            .ForMember(d => d.FavoritesCount, o => o.MapFrom(a => a.Favorites.Count))
            .ForMember(d => d.Hidden, o => o.MapFrom(a => a.HiddenAt != null ? true : (bool?)null))
            .ForMember(
                d => d.Status,
                o =>
                    o.MapFrom(a =>
                        a.PublishedAt != null ? ArticleStatuses.Published
                        : a.PublishAt != null ? ArticleStatuses.Scheduled
                        : ArticleStatuses.Draft
                    )
            );

        CreateMap<ArticleDto, ArticleListItemDto>();
    }
}
