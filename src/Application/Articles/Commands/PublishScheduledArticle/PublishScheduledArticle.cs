using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Articles.Commands.PublishScheduledArticle;

/// <summary>
/// Background job (a delayed job, staged by <see cref="ArticlePublication.Schedule"/>): publishes a scheduled article at
/// its time, which raises the event that notifies the followers. It only acts if the article is still scheduled for
/// <see cref="PublishAt"/>; a job left behind by a reschedule, an early publication or a return to draft does nothing.
/// If the job engine runs it before the application's clock reaches the time (clocks of two machines), it schedules
/// itself again rather than publish early.
/// </summary>
[BackgroundJob("articles.publish-scheduled", DisplayName = "Publish scheduled article {ArticlePublicId}")]
public sealed record PublishScheduledArticleCommand(Guid ArticlePublicId, DateTime PublishAt) : IRequest;

public sealed class PublishScheduledArticleCommandHandler(
    IApplicationDbContext db,
    IJobScheduler jobs,
    TimeProvider clock,
    ILogger<PublishScheduledArticleCommandHandler> logger
) : IRequestHandler<PublishScheduledArticleCommand, Unit>
{
    public async Task<Unit> Handle(PublishScheduledArticleCommand request, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.PublicId == request.ArticlePublicId, cancellationToken);
        if (article is null || !article.IsScheduledFor(request.PublishAt))
        {
            logger.LogInformation(
                "Scheduled publication of article {ArticleId} for {PublishAt:O} no longer stands: nothing to do",
                request.ArticlePublicId,
                request.PublishAt
            );
            return Unit.Value;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now < request.PublishAt)
        {
            article.TrackPublicationJob(jobs.Schedule(request, new DateTimeOffset(request.PublishAt, TimeSpan.Zero)));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation(
                "Article {ArticleId} is due at {PublishAt:O} but the clock says {Now:O}: scheduled again",
                request.ArticlePublicId,
                request.PublishAt,
                now
            );
            return Unit.Value;
        }

        // A concurrent change to the article (a reschedule at the same moment) makes this save fail as a conflict: the job
        // fails, and its retry sees the new state.
        ArticlePublication.Publish(article, now);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Scheduled article {ArticleId} published at {Now:O}", request.ArticlePublicId, now);
        return Unit.Value;
    }
}
