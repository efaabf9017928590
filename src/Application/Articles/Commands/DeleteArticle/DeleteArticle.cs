using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Articles.Commands.DeleteArticle;

/// <summary>Only the author may delete an article; its tags, comments and favorites go with it (cascading keys).</summary>
[Authorize]
public sealed record DeleteArticleCommand(string Slug) : IRequest;

public sealed class DeleteArticleCommandHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IRequestHandler<DeleteArticleCommand, Unit>
{
    public async Task<Unit> Handle(DeleteArticleCommand request, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Slug == request.Slug, cancellationToken)
            ?? throw new NotFoundException("article");
        if (!article.IsAuthoredBy(currentUser.Id!.Value))
        {
            throw new ForbiddenAccessException("article");
        }

        db.Articles.Remove(article);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
