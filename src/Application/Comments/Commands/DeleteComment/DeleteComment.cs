using CleanApp.Application.Articles;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Comments.Commands.DeleteComment;

/// <summary>Only the comment's author may delete it. Checks run in order: article exists, comment exists on it, ownership.</summary>
[Authorize]
public sealed record DeleteCommentCommand(string Slug, int CommentId) : IRequest;

public sealed class DeleteCommentCommandHandler(IApplicationDbContext db, ICurrentUser currentUser)
    : IRequestHandler<DeleteCommentCommand, Unit>
{
    public async Task<Unit> Handle(DeleteCommentCommand request, CancellationToken cancellationToken)
    {
        var callerId = currentUser.Id!.Value;
        var articleId = await ArticleQueries.GetVisibleIdAsync(db, request.Slug, callerId, cancellationToken);
        var onArticle = db.Comments.Where(c => c.Id == request.CommentId && c.ArticleId == articleId);

        // Ownership is part of the DELETE, so the author's request is one statement; only a refusal looks again, to tell
        // a missing comment (404) from someone else's (403).
        if (await onArticle.Where(c => c.AuthorId == callerId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            return Unit.Value;
        }

        if (await onArticle.AnyAsync(cancellationToken))
        {
            throw new ForbiddenAccessException("comment");
        }

        throw new NotFoundException("comment");
    }
}
