using AutoMapper;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Articles;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Favorites.Commands.FavoriteArticle;

/// <summary>
/// Idempotent insert-if-absent of the (article, user) pair. Concurrent favorites by many users each add their own row,
/// and favoritesCount is the count of rows, so it stays exact.
/// </summary>
[Authorize]
public sealed record FavoriteArticleCommand(string Slug) : IRequest<ArticleDto>;

public sealed class FavoriteArticleCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IConfigurationProvider mapping,
    TimeProvider clock
) : IRequestHandler<FavoriteArticleCommand, ArticleDto>
{
    public async Task<ArticleDto> Handle(FavoriteArticleCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id!.Value;
        var articleId = await ArticleQueries.GetVisibleIdAsync(db, request.Slug, userId, cancellationToken);

        if (!await db.Favorites.AnyAsync(f => f.ArticleId == articleId && f.UserId == userId, cancellationToken))
        {
            var favorite = Favorite.Create(articleId, userId, clock.GetUtcNow().UtcDateTime);
            db.Favorites.Add(favorite);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (UniqueConstraintViolationException)
            {
                // The same user's concurrent request inserted the pair first: favorited either way.
                db.Favorites.Remove(favorite);
            }
        }

        return await ArticleQueries.GetByIdAsync(db, mapping, articleId, userId, cancellationToken);
    }
}
