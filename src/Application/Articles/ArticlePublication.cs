using CleanApp.Application.Articles.Commands.PublishScheduledArticle;
using CleanApp.Application.Common.Jobs;
using CleanApp.Domain.Articles;
using CleanApp.Domain.Common;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Articles;

/// <summary>
/// Moves an article through draft → scheduled → published for the commands that can (create, update, publish,
/// unpublish, the scheduled job), keeping the pending publication job in step (ADR 0040): scheduling stages a delayed
/// job in the caller's unit of work (so it exists if and only if the change commits, and survives restarts in
/// Hangfire's storage); every move away from a schedule returns the job it replaces, which the caller cancels with
/// <see cref="CancelReplacedJobAsync"/> once its change has committed. A job that escapes cancellation still does
/// nothing: it publishes only an article still scheduled for its own time (<see cref="Article.IsScheduledFor"/>).
/// </summary>
internal static class ArticlePublication
{
    /// <summary>
    /// Applies a requested <c>status</c>/<c>publishAt</c> (already validated; either may be null = not requested).
    /// Returns the job to cancel after commit, if any.
    /// </summary>
    public static string? Apply(Article article, string? status, DateTime? publishAt, DateTime now, IJobScheduler jobs)
    {
        if (article.Status == ArticleStatus.Published)
        {
            if (publishAt is not null)
            {
                throw new DomainException("publishAt", "can't be set on a published article (unpublish it first)");
            }

            return status is null or ArticleStatuses.Published
                ? null
                : throw new DomainException("status", "can't change on a published article (unpublish it first)");
        }

        if (publishAt is { } at)
        {
            return Schedule(article, at, now, jobs);
        }

        return status switch
        {
            ArticleStatuses.Published => Publish(article, now),
            ArticleStatuses.Draft => ReturnToDraft(article),
            ArticleStatuses.Scheduled when article.Status != ArticleStatus.Scheduled => throw new DomainException(
                "publishAt",
                "can't be blank when status is scheduled"
            ),
            _ => null,
        };
    }

    public static string? Publish(Article article, DateTime now)
    {
        var pending = article.PublicationJobId;
        if (!article.Publish(now))
        {
            return null;
        }

        article.TrackPublicationJob(null);
        return pending;
    }

    public static string? Schedule(Article article, DateTime publishAt, DateTime now, IJobScheduler jobs)
    {
        var pending = article.PublicationJobId;
        var unchanged = article.Status == ArticleStatus.Scheduled && article.IsScheduledFor(publishAt) && pending is not null;
        article.Schedule(publishAt, now);
        if (unchanged)
        {
            return null;
        }

        var at = article.PublishAt!.Value;
        article.TrackPublicationJob(jobs.Schedule(new PublishScheduledArticleCommand(article.PublicId, at), new DateTimeOffset(at)));
        return pending;
    }

    public static string? ReturnToDraft(Article article)
    {
        var pending = article.PublicationJobId;
        article.ReturnToDraft();
        article.TrackPublicationJob(null);
        return pending;
    }

    /// <summary>
    /// Deletes the replaced job from the job engine, after the change that replaced it has committed (deleting first
    /// would leave a scheduled article without a job if the save then failed). Best effort by design: a failure here is
    /// logged, not returned as an error for a change that has committed, because the job left behind is a no-op.
    /// </summary>
    public static async Task CancelReplacedJobAsync(IJobScheduler jobs, string? jobId, ILogger logger)
    {
        if (jobId is null)
        {
            return;
        }

        try
        {
            // Not the request's token: the change has committed, so the clean-up finishes even if the client went away.
            await jobs.DeleteAsync(jobId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Replaced publication job {JobId} could not be deleted; it will find nothing to publish", jobId);
        }
    }
}
