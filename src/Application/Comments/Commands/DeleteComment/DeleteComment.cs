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
        var articleId = await ArticleQueries.GetIdAsync(db, request.Slug, cancellationToken);
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == request.CommentId && c.ArticleId == articleId, cancellationToken)
            ?? throw new NotFoundException("comment");
        if (!comment.IsAuthoredBy(currentUser.Id!.Value))
        {
            throw new ForbiddenAccessException("comment");
        }

        db.Comments.Remove(comment);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
