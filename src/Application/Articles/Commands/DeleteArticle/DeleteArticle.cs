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
        var callerId = currentUser.Id!.Value;
        var article = db.Articles.Where(a => a.Slug == request.Slug);

        // Ownership is part of the DELETE, so the author's request is one statement; only a refusal looks again, to tell
        // a missing article (404) from someone else's (403). The database cascades to tags, comments and favorites.
        if (await article.Where(a => a.AuthorId == callerId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            return Unit.Value;
        }

        if (await article.VisibleTo(callerId).AnyAsync(cancellationToken))
        {
            throw new ForbiddenAccessException("article");
        }

        throw new NotFoundException("article");
    }
}
