using System.Globalization;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Fires due recurring jobs. Each occurrence is a job with OccurrenceKey = "{id}@{instant}" under a unique index, and
/// the definition's NextExecution advances in the same transaction under its version token: when two servers race, one
/// commits and the other rolls back entirely, so an occurrence is enqueued exactly once.
/// </summary>
public sealed class RecurringJobScheduler(
    JobStore store,
    JobKindRegistry registry,
    JobTransitions transitions,
    TimeProvider clock,
    IOptions<JobEngineOptions> options,
    ILogger<RecurringJobScheduler> logger
)
{
    private readonly JobEngineOptions _options = options.Value;

    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await store.RunAsync(
            db =>
                db.RecurringJobs.AsNoTracking()
                    .Where(r => r.NextExecution != null && r.NextExecution <= now && !r.IsPaused && r.Error == null)
                    .OrderBy(r => r.NextExecution)
                    .Select(r => r.Id)
                    .Take(100)
                    .ToListAsync(cancellationToken),
            cancellationToken
        );

        var fired = 0;
        foreach (var id in due)
        {
            try
            {
                fired += await store.RunAsync(db => FireAsync(db, id, cancellationToken), cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or UniqueConstraintViolationException)
            {
                // Another server fired this occurrence first (unique occurrence key, surfaced by the context as
                // UniqueConstraintViolationException, or a version conflict): nothing to do.
                logger.LogDebug(ex, "Recurring job {RecurringJobId}: occurrence already handled by another server", id);
            }
        }

        return fired;
    }

    public static JobRecord NewOccurrenceJob(
        RecurringJobRecord record,
        JobKindRegistry registry,
        TimeProvider clock,
        string? occurrenceKey,
        JobState state
    )
    {
        var defaults = registry.TryGetByKind(record.Kind, out var descriptor)
            ? descriptor.Defaults
            : new BackgroundJobAttribute(record.Kind);
        return new JobRecord
        {
            Id = JobIds.New(clock),
            Kind = record.Kind,
            Queue = record.Queue,
            Priority = defaults.Priority,
            State = state,
            Payload = record.Payload,
            MaxRetries = defaults.Attempts,
            OnAttemptsExceeded = defaults.OnAttemptsExceeded,
            RecurringJobId = record.Id,
            OccurrenceKey = occurrenceKey,
            RunAt = clock.GetUtcNow().UtcDateTime,
        };
    }

    private async Task<int> FireAsync(ApplicationDbContext db, string id, CancellationToken cancellationToken)
    {
        var now = transitions.UtcNow;
        var record = await db.RecurringJobs.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is not { NextExecution: { } next, IsPaused: false, Error: null } || next > now)
        {
            return 0;
        }

        record.Version++;
        record.UpdatedAt = now;
        if (!CronSchedule.TryParse(record.Cron, record.TimeZoneId, out var schedule, out var error))
        {
            record.Error = JobText.Cap(error, JobColumnLengths.ExceptionMessage);
            record.NextExecution = null;
            logger.LogWarning("Recurring job {RecurringJobId} disabled: {Error}", id, error);
            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }

        if (!registry.TryGetByKind(record.Kind, out _))
        {
            record.Error = $"Unknown job kind '{record.Kind}'.";
            record.NextExecution = null;
            logger.LogWarning("Recurring job {RecurringJobId} disabled: unknown kind {Kind}", id, record.Kind);
            await db.SaveChangesAsync(cancellationToken);
            return 0;
        }

        // Occurrences due now: 'next' plus any later ones missed while no server ran.
        var missed = new List<DateTime> { next };
        missed.AddRange(schedule!.Between(next, now, _options.MisfireFireAllLimit));
        var onTime = missed.Where(o => now - o <= _options.MisfireThreshold).ToList();
        var toFire = record.Misfire switch
        {
            MisfireHandling.FireAll => missed.TakeLast(_options.MisfireFireAllLimit).ToList(),
            MisfireHandling.Skip => onTime.TakeLast(1).ToList(),
            _ => missed.TakeLast(1).ToList(),
        };

        if (toFire.Count > 0 && record.NoOverlap)
        {
            var running = await db.Jobs.AnyAsync(
                j =>
                    j.RecurringJobId == id
                    && (
                        j.State == JobState.Enqueued
                        || j.State == JobState.Scheduled
                        || j.State == JobState.Processing
                        || j.State == JobState.Awaiting
                    ),
                cancellationToken
            );
            if (running)
            {
                logger.LogInformation(
                    "Recurring job {RecurringJobId}: occurrence {Occurrence} skipped, the previous run is still going (NoOverlap)",
                    id,
                    toFire[^1]
                );
                toFire.Clear();
            }
        }

        foreach (var occurrence in toFire)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{id}@{occurrence:yyyy-MM-ddTHH:mm:ssZ}");
            var job = NewOccurrenceJob(record, registry, clock, key, JobState.Enqueued);
            transitions.Create(db, job, $"Recurring job '{id}', occurrence {occurrence:O}");
            record.LastJobId = job.Id;
            record.LastExecution = now;
        }

        if (toFire.Count < missed.Count)
        {
            logger.LogInformation(
                "Recurring job {RecurringJobId}: {Skipped} missed occurrence(s) not fired ({Misfire})",
                id,
                missed.Count - toFire.Count,
                record.Misfire
            );
        }

        record.NextExecution = schedule.NextAfter(now);
        await db.SaveChangesAsync(cancellationToken);
        return toFire.Count;
    }
}
