using System.Globalization;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Notifications.Commands.SendDigestBatch;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Notifications.Commands.SendDailyDigest;

/// <summary>
/// Recurring background job (id <c>daily-digest</c>, docs/jobs.md): finds the users who follow at least one author with
/// articles published in the last 24 hours [now − 24 h, now), pages them by key and enqueues one
/// <see cref="SendDigestBatchCommand"/> per <see cref="EmailJobSettings.FanOutBatchSize"/> users. Users with nothing new
/// get nothing. The digest's date (UTC, of the window's end) keys each user's email, so one user gets at most one digest
/// a day however often the job is triggered.
/// </summary>
[BackgroundJob("email.daily-digest", DisplayName = "Daily digest of new articles")]
public sealed record SendDailyDigestCommand : IRequest;

public sealed class SendDailyDigestCommandHandler(
    IApplicationDbContext db,
    IJobScheduler jobs,
    EmailJobSettings settings,
    TimeProvider clock,
    ILogger<SendDailyDigestCommandHandler> logger
) : IRequestHandler<SendDailyDigestCommand, Unit>
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public async Task<Unit> Handle(SendDailyDigestCommand request, CancellationToken cancellationToken)
    {
        var end = clock.GetUtcNow().UtcDateTime;
        var start = end - Window;
        var date = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var published = db.Articles.Public();
        var recipients = db
            .Users.AsNoTracking()
            .Where(u =>
                db.Follows.Any(f =>
                    f.FollowerId == u.Id && published.Any(a => a.AuthorId == f.FolloweeId && a.PublishedAt >= start && a.PublishedAt < end)
                )
            );

        var batches = 0;
        Guid? after = null;
        while (true)
        {
            var query = recipients;
            if (after is { } last)
            {
                query = query.Where(u => u.Id.CompareTo(last) > 0);
            }

            var page = await query.OrderBy(u => u.Id).Select(u => u.Id).Take(settings.FanOutBatchSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            jobs.Enqueue(new SendDigestBatchCommand(start, end, date, page));
            batches++;
            after = page[^1];
            if (page.Count < settings.FanOutBatchSize)
            {
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Daily digest {DigestDate} for [{WindowStart:O}, {WindowEnd:O}): {BatchCount} batches enqueued",
            date,
            start,
            end,
            batches
        );
        return Unit.Value;
    }
}
