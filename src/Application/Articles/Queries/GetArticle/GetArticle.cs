using CleanApp.Application.Common.Interfaces;
using MediatR;

namespace CleanApp.Application.Articles.Queries.GetArticle;

public sealed record GetArticleQuery(string Slug) : IRequest<ArticleDto>;

public sealed class GetArticleQueryHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IRequestHandler<GetArticleQuery, ArticleDto>
{
    public Task<ArticleDto> Handle(GetArticleQuery request, CancellationToken cancellationToken) =>
        ArticleQueries.GetBySlugAsync(db, request.Slug, currentUser.Id, cancellationToken);
}
