using AutoMapper;
using CleanApp.Application.Articles;
using CleanApp.Application.Comments;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Moderation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Moderation.Commands.FlagComment;

/// <summary>
/// Any signed-in user reports a comment they can see (on an article they can see). One open flag per user and comment
/// (409 for a second one); flagging your own comment is a 422.
/// </summary>
[Authorize]
public sealed record FlagCommentCommand(string Slug, int CommentId) : IRequest<FlagDto>
{
    public string? Reason { get; init; }
}

public sealed class FlagCommentCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<FlagCommentCommand, FlagDto>
{
    public async Task<FlagDto> Handle(FlagCommentCommand request, CancellationToken cancellationToken)
    {
        var reporterId = currentUser.Id!.Value;
        var articleId = await ArticleQueries.GetVisibleIdAsync(db, request.Slug, reporterId, cancellationToken);
        var comment = await db
            .Comments.AsNoTracking()
            .VisibleTo(reporterId)
            .Where(c => c.Id == request.CommentId && c.ArticleId == articleId)
            .Select(c => new { c.Id, c.AuthorId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("comment");

        var flag = Flag.OnComment(articleId, comment.Id, comment.AuthorId, reporterId, request.Reason!);
        if (
            await db.Flags.AnyAsync(
                f => f.ReporterId == reporterId && f.CommentId == comment.Id && f.Status == FlagStatus.Open,
                cancellationToken
            )
        )
        {
            throw FlagRules.AlreadyOpen();
        }

        await FlagRules.SaveNewAsync(db, flag, cancellationToken);
        return await FlagQueries.GetAsync(db, mapping, flag.Id, cancellationToken);
    }
}
