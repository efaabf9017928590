using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Moderation.Commands.RestoreComment;

/// <summary>A moderator makes a hidden comment public again (409 when it is not hidden); recorded in the audit log.</summary>
[Authorize(Roles = Roles.Moderators)]
public sealed record RestoreCommentCommand(string Slug, int CommentId) : IRequest
{
    public string? Reason { get; init; }
}

public sealed class RestoreCommentCommandHandler(IApplicationDbContext db, IAuditLog audit) : IRequestHandler<RestoreCommentCommand, Unit>
{
    public async Task<Unit> Handle(RestoreCommentCommand request, CancellationToken cancellationToken)
    {
        var articleId = await db.Articles.Where(a => a.Slug == request.Slug).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("article");
        var comment = db.Comments.Where(c => c.Id == request.CommentId && c.ArticleId == articleId);
        var hidden = await comment.Select(c => (bool?)(c.HiddenAt != null)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("comment");
        if (!hidden)
        {
            throw new ConflictException("comment", "is not hidden");
        }

        await db.InTransactionAsync(
            async ct =>
            {
                await comment.ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, (DateTime?)null), ct);
                await audit.RecordAsync(
                    AuditActions.RestoreComment,
                    AuditActions.Comment(request.CommentId, request.Slug),
                    request.Reason,
                    ct
                );
                return await db.SaveChangesAsync(ct);
            },
            cancellationToken
        );
        return Unit.Value;
    }
}
