using CleanApp.Application.Articles;
using CleanApp.Application.Common.Email;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Notifications.Commands.SendArticleNotificationBatch;

/// <summary>
/// Background job: emails one batch of an author's followers about a new article (one email per follower). Idempotent:
/// each email is checked against and then marked in <c>SentEmails</c> under <c>article:{article}:{user}</c>, so a retried
/// or re-enqueued batch does not resend. Followers who stopped following meanwhile, and an article deleted or unpublished
/// meanwhile, get nothing.
/// </summary>
[BackgroundJob("email.article-published.batch", DisplayName = "Email batch {BatchIndex} of followers about article {ArticlePublicId}")]
public sealed record SendArticleNotificationBatchCommand(Guid ArticlePublicId, int BatchIndex, IReadOnlyList<Guid> FollowerIds) : IRequest;

public sealed class SendArticleNotificationBatchCommandHandler(
    IApplicationDbContext db,
    IIdentityService identity,
    IEmailSender email,
    TimeProvider clock,
    ILogger<SendArticleNotificationBatchCommandHandler> logger
) : IRequestHandler<SendArticleNotificationBatchCommand, Unit>
{
    public async Task<Unit> Handle(SendArticleNotificationBatchCommand request, CancellationToken cancellationToken)
    {
        var articleId = request.ArticlePublicId;
        var article = await db
            .Articles.AsNoTracking()
            .Public()
            .Where(a => a.PublicId == articleId)
            .Select(a => new
            {
                a.AuthorId,
                a.Title,
                a.Description,
                a.Slug,
                Author = a.Author.Username,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            logger.LogInformation(
                "Article notification batch {BatchIndex} skipped: article {ArticleId} is not public",
                request.BatchIndex,
                articleId
            );
            return Unit.Value;
        }

        var ids = request.FollowerIds.Distinct().ToList();
        var recipients = await db
            .Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && db.Follows.Any(f => f.FollowerId == u.Id && f.FolloweeId == article.AuthorId))
            .Select(u => new { u.Id, u.Username })
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var recipient in recipients.OrderBy(r => r.Id))
        {
            var key = SentEmails.ArticleKey(articleId, recipient.Id);
            if (await SentEmails.WasSentAsync(db, key, cancellationToken))
            {
                continue;
            }

            if (await identity.GetEmailAsync(recipient.Id, cancellationToken) is not { } address)
            {
                continue;
            }

            var body = $"""
                Hello {recipient.Username},

                {article.Author} just published a new article:

                {article.Title}
                {article.Description}

                Read it at {SentEmails.ArticlePath(article.Slug)}

                You receive this email because you follow {article.Author} on CleanApp.
                """;
            await email.SendAsync(new EmailMessage(address, $"New article by {article.Author}: {article.Title}", body), cancellationToken);
            await SentEmails.MarkAsync(db, key, clock.GetUtcNow().UtcDateTime, cancellationToken);
            sent++;
        }

        logger.LogInformation(
            "Article {ArticleId} batch {BatchIndex}: {SentCount} of {RecipientCount} emails sent",
            articleId,
            request.BatchIndex,
            sent,
            ids.Count
        );
        return Unit.Value;
    }
}
