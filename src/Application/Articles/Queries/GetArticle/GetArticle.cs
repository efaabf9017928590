using AutoMapper;
using CleanApp.Application.Common.Interfaces;
using MediatR;

namespace CleanApp.Application.Articles.Queries.GetArticle;

public sealed record GetArticleQuery(string Slug) : IRequest<ArticleDto>;

public sealed class GetArticleQueryHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<GetArticleQuery, ArticleDto>
{
    public Task<ArticleDto> Handle(GetArticleQuery request, CancellationToken cancellationToken) =>
        ArticleQueries.GetBySlugAsync(db, mapping, request.Slug, currentUser.Id, cancellationToken);
}
