using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Notifications.Commands.SendArticleNotificationBatch;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Notifications.Commands.NotifyFollowersOfArticle;

/// <summary>
/// Background job (fan-out): pages the author's followers by key, ordered by follower id, <see cref="EmailJobSettings.FanOutBatchSize"/>
/// at a time, and enqueues one <see cref="SendArticleNotificationBatchCommand"/> per page. A re-run stages the batches
/// again; they send nothing new, because each batch checks <c>SentEmails</c> per recipient.
/// </summary>
[BackgroundJob("email.article-published", DisplayName = "Notify followers of article {ArticlePublicId}")]
public sealed record NotifyFollowersOfArticleCommand(Guid ArticlePublicId) : IRequest;

public sealed class NotifyFollowersOfArticleCommandHandler(
    IApplicationDbContext db,
    IJobScheduler jobs,
    EmailJobSettings settings,
    ILogger<NotifyFollowersOfArticleCommandHandler> logger
) : IRequestHandler<NotifyFollowersOfArticleCommand, Unit>
{
    public async Task<Unit> Handle(NotifyFollowersOfArticleCommand request, CancellationToken cancellationToken)
    {
        var articleId = request.ArticlePublicId;
        var authorId = await db
            .Articles.AsNoTracking()
            .Public()
            .Where(a => a.PublicId == articleId)
            .Select(a => (Guid?)a.AuthorId)
            .SingleOrDefaultAsync(cancellationToken);
        if (authorId is not { } author)
        {
            // Deleted or unpublished before the job ran: nobody is told about an article they cannot read. Publishing it again
            // raises the event again, and the emails not sent yet go out then (SentEmails keeps it once per follower).
            logger.LogInformation("Article notification skipped: article {ArticleId} is not public", articleId);
            return Unit.Value;
        }

        var batches = 0;
        Guid? after = null;
        while (true)
        {
            var followers = db.Follows.AsNoTracking().Where(f => f.FolloweeId == author);
            if (after is { } last)
            {
                followers = followers.Where(f => f.FollowerId.CompareTo(last) > 0);
            }

            var page = await followers
                .OrderBy(f => f.FollowerId)
                .Select(f => f.FollowerId)
                .Take(settings.FanOutBatchSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            jobs.Enqueue(new SendArticleNotificationBatchCommand(articleId, batches, page));
            batches++;
            after = page[^1];
            if (page.Count < settings.FanOutBatchSize)
            {
                break;
            }
        }

        // All batches commit together: a crash before this line leaves none, and the retried fan-out creates them all.
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Article {ArticleId}: {BatchCount} notification batches of up to {BatchSize} followers enqueued",
            articleId,
            batches,
            settings.FanOutBatchSize
        );
        return Unit.Value;
    }
}
