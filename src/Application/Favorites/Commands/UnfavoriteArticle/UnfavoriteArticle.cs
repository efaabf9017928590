using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Favorites.Commands.UnfavoriteArticle;

/// <summary>Idempotent: removing a favorite that does not exist changes nothing.</summary>
[Authorize]
public sealed record UnfavoriteArticleCommand(string Slug) : IRequest<ArticleDto>;

public sealed class UnfavoriteArticleCommandHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IRequestHandler<UnfavoriteArticleCommand, ArticleDto>
{
    public async Task<ArticleDto> Handle(UnfavoriteArticleCommand request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id!.Value;
        var articleId = await ArticleQueries.GetIdAsync(db, request.Slug, cancellationToken);

        var favorite = await db.Favorites.SingleOrDefaultAsync(f => f.ArticleId == articleId && f.UserId == userId, cancellationToken);
        if (favorite is not null)
        {
            db.Favorites.Remove(favorite);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A concurrent identical request removed it first: the outcome is the same.
            }
        }

        return await ArticleQueries.GetByIdAsync(db, articleId, userId, cancellationToken);
    }
}
