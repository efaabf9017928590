using AutoMapper;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Favorites.Commands.UnfavoriteArticle;

/// <summary>
/// Idempotent: removing a favorite that does not exist changes nothing. One DELETE by key, so a concurrent identical
/// request simply deletes nothing.
/// </summary>
[Authorize]
public sealed record UnfavoriteArticleCommand(string Slug) : IRequest<ArticleDto>;

public sealed class UnfavoriteArticleCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<UnfavoriteArticleCommand, ArticleDto>
{
    public async Task<ArticleDto> Handle(UnfavoriteArticleCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id!.Value;
        var articleId = await ArticleQueries.GetVisibleIdAsync(db, request.Slug, userId, cancellationToken);

        await db.Favorites.Where(f => f.ArticleId == articleId && f.UserId == userId).ExecuteDeleteAsync(cancellationToken);

        return await ArticleQueries.GetByIdAsync(db, mapping, articleId, userId, cancellationToken);
    }
}
