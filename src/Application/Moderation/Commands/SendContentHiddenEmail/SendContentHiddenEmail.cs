using CleanApp.Application.Common.Email;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Notifications;
using CleanApp.Domain.Moderation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Moderation.Commands.SendContentHiddenEmail;

/// <summary>
/// Background job: tells the author that a moderator hid their article or comment, with the reason. The payload is the
/// flag's id only; the job reads what is current (a restored or deleted target gets no email). Idempotent through
/// <c>SentEmails</c> under <c>hidden:{flag}</c>.
/// </summary>
[BackgroundJob("email.content-hidden", DisplayName = "Tell the author that the content of flag {FlagId} was hidden")]
public sealed record SendContentHiddenEmailCommand(int FlagId) : IRequest;

public sealed class SendContentHiddenEmailCommandHandler(
    IApplicationDbContext db,
    IIdentityService identity,
    IEmailSender email,
    TimeProvider clock,
    ILogger<SendContentHiddenEmailCommandHandler> logger
) : IRequestHandler<SendContentHiddenEmailCommand, Unit>
{
    public async Task<Unit> Handle(SendContentHiddenEmailCommand request, CancellationToken cancellationToken)
    {
        var key = SentEmails.HiddenKey(request.FlagId);
        if (await SentEmails.WasSentAsync(db, key, cancellationToken))
        {
            return Unit.Value;
        }

        var flag = await db
            .Flags.AsNoTracking()
            .Where(f => f.Id == request.FlagId && f.Status == FlagStatus.ContentHidden)
            .Select(f => new
            {
                f.CommentId,
                f.Reason,
                f.Resolution,
                f.Article.Title,
                f.Article.Slug,
                ArticleAuthorId = f.Article.AuthorId,
                ArticleHidden = f.Article.HiddenAt != null,
            })
            .SingleOrDefaultAsync(cancellationToken);
        var comment = flag?.CommentId is { } commentId
            ? await db
                .Comments.AsNoTracking()
                .Where(c => c.Id == commentId && c.HiddenAt != null)
                .Select(c => new { c.AuthorId, c.Body })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        var stillHidden = flag is not null && (flag.CommentId is null ? flag.ArticleHidden : comment is not null);
        if (!stillHidden)
        {
            logger.LogInformation("Hidden-content email skipped: flag {FlagId}'s content is no longer hidden", request.FlagId);
            return Unit.Value;
        }

        var authorId = comment?.AuthorId ?? flag!.ArticleAuthorId;
        var username = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == authorId)
            .Select(u => u.Username)
            .SingleOrDefaultAsync(cancellationToken);
        var address = await identity.GetEmailAsync(authorId, cancellationToken);
        if (username is null || address is null)
        {
            return Unit.Value;
        }

        var what = comment is null ? $"your article \"{flag!.Title}\"" : $"your comment on \"{flag!.Title}\"";
        var body = $"""
            Hello {username},

            a moderator hid {what}.

            Reason: {flag.Resolution ?? flag.Reason}

            It is no longer shown to others, but you still see it, marked hidden ({SentEmails.ArticlePath(flag.Slug)}).
            If you think this is a mistake, reply to this email.
            """;
        await email.SendAsync(new EmailMessage(address, $"A moderator hid {what}", body), cancellationToken);
        await SentEmails.MarkAsync(db, key, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Unit.Value;
    }
}
