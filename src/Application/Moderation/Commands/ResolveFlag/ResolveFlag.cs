using AutoMapper;
using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using CleanApp.Application.Moderation.Commands.SendContentHiddenEmail;
using CleanApp.Domain.Moderation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Moderation.Commands.ResolveFlag;

/// <summary>
/// A moderator resolves an open flag: <c>dismiss</c> it, <c>hide</c> the content (gone from every public read, still
/// visible to its author, who is told by email through a job), or <c>delete</c> a comment. Hiding or deleting resolves
/// every other open flag on the same content the same way. Recorded in the audit log with the reason (the moderator's,
/// or else the flag's).
/// </summary>
[Authorize(Roles = Roles.Moderators)]
public sealed record ResolveFlagCommand(int FlagId) : IRequest<FlagDto>
{
    /// <summary><c>dismiss</c>, <c>hide</c> or <c>delete</c>.</summary>
    public string? Action { get; init; }

    public string? Reason { get; init; }
}

public sealed class ResolveFlagCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IJobScheduler jobs,
    IAuditLog audit,
    TimeProvider clock,
    IConfigurationProvider mapping
) : IRequestHandler<ResolveFlagCommand, FlagDto>
{
    public async Task<FlagDto> Handle(ResolveFlagCommand request, CancellationToken cancellationToken)
    {
        var flag = await db.Flags.SingleOrDefaultAsync(f => f.Id == request.FlagId, cancellationToken)
            ?? throw new NotFoundException("flag");
        if (flag.Status != FlagStatus.Open)
        {
            throw new ConflictException("flag", "is already resolved");
        }

        var outcome = FlagStatuses.Actions[request.Action!];
        if (outcome == FlagStatus.ContentDeleted && flag.Target != FlagTarget.Comment)
        {
            throw new ValidationException("action", "delete applies to comments only (hide an article instead)");
        }

        var slug = await db.Articles.Where(a => a.Id == flag.ArticleId).Select(a => a.Slug).SingleAsync(cancellationToken);
        var comment = flag.CommentId is { } commentId ? db.Comments.Where(c => c.Id == commentId) : null;
        if (outcome != FlagStatus.Dismissed && comment is not null && !await comment.AnyAsync(cancellationToken))
        {
            // Its author deleted the comment meanwhile: nothing left to hide or delete, only to dismiss.
            throw new NotFoundException("comment");
        }

        var moderatorId = currentUser.Id!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.InTransactionAsync(
            async ct =>
            {
                if (outcome == FlagStatus.Dismissed)
                {
                    flag.Resolve(outcome, moderatorId, request.Reason, now);
                }
                else
                {
                    await ActOnContentAsync(flag, comment, outcome, now, ct);
                    var sameTarget = await db
                        .Flags.Where(f =>
                            f.Status == FlagStatus.Open
                            && f.ArticleId == flag.ArticleId
                            && f.CommentId == flag.CommentId
                            && f.Target == flag.Target
                        )
                        .ToListAsync(ct);
                    foreach (var open in sameTarget)
                    {
                        open.Resolve(outcome, moderatorId, request.Reason, now);
                    }
                }

                if (outcome == FlagStatus.ContentHidden)
                {
                    jobs.Enqueue(new SendContentHiddenEmailCommand(flag.Id));
                }

                var target = flag.CommentId is { } id ? AuditActions.Comment(id, slug) : AuditActions.Article(slug);
                await audit.RecordAsync(ActionOf(outcome), target, request.Reason ?? $"flag {flag.Id}: {flag.Reason}", ct);
                return await db.SaveChangesAsync(ct);
            },
            cancellationToken
        );

        return await FlagQueries.GetAsync(db, mapping, flag.Id, cancellationToken);
    }

    /// <summary>
    /// One keyed statement each, outside the change tracker: hiding is not an edit, so the content's <c>updatedAt</c> stays.
    /// </summary>
    private async Task ActOnContentAsync(
        Flag flag,
        IQueryable<Domain.Comments.Comment>? comment,
        FlagStatus outcome,
        DateTime now,
        CancellationToken ct
    )
    {
        if (comment is null)
        {
            await db
                .Articles.Where(a => a.Id == flag.ArticleId && a.HiddenAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.HiddenAt, now), ct);
        }
        else if (outcome == FlagStatus.ContentHidden)
        {
            await comment.Where(c => c.HiddenAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, now), ct);
        }
        else
        {
            await comment.ExecuteDeleteAsync(ct);
        }
    }

    private static string ActionOf(FlagStatus outcome) =>
        outcome switch
        {
            FlagStatus.Dismissed => AuditActions.DismissFlag,
            FlagStatus.ContentHidden => AuditActions.HideContent,
            _ => AuditActions.DeleteComment,
        };
}
