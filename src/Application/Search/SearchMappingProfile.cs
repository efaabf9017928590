using AutoMapper;
using CleanApp.Application.Articles;

namespace CleanApp.Application.Search;

/// <summary>A hit is the article's read-side projection (ArticleMappingProfile) without the body; the highlight is added after.</summary>
public sealed class SearchMappingProfile : Profile
{
    public SearchMappingProfile() => CreateMap<ArticleDto, ArticleSearchResultDto>().ForMember(d => d.Highlight, o => o.Ignore());
}
