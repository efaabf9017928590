using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Recurring definitions, written at once in their own short transaction. An invalid cron or zone does not throw: the
/// definition is stored disabled with its error (shown on the dashboard) and every other recurring job keeps running.
/// </summary>
public sealed class RecurringJobManager(JobKindRegistry registry, JobStore store, JobTransitions transitions, TimeProvider clock)
    : IRecurringJobManager
{
    public Task AddOrUpdateAsync<TCommand>(
        string recurringJobId,
        TCommand command,
        string cron,
        RecurringJobOptions? options = null,
        CancellationToken cancellationToken = default
    )
        where TCommand : IRequest<Unit>
    {
        ArgumentException.ThrowIfNullOrEmpty(recurringJobId);
        ArgumentNullException.ThrowIfNull(command);
        var descriptor = registry.GetByType(command.GetType());
        options ??= new RecurringJobOptions();
        var payload = JobSerializer.Serialize(command);

        return store.RunAsync(
            async db =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var record = await db.RecurringJobs.FirstOrDefaultAsync(r => r.Id == recurringJobId, cancellationToken);
                if (record is null)
                {
                    record = new RecurringJobRecord { Id = recurringJobId, CreatedAt = now };
                    db.RecurringJobs.Add(record);
                }

                var scheduleChanged =
                    record.Cron != cron
                    || record.TimeZoneId != options.TimeZoneId
                    || record.Error is not null
                    || record.NextExecution is null;
                record.Kind = descriptor.Kind;
                record.Payload = payload;
                record.Cron = cron;
                record.TimeZoneId = options.TimeZoneId;
                record.Queue = options.Queue ?? descriptor.Defaults.Queue;
                record.Misfire = options.Misfire;
                record.NoOverlap = options.NoOverlap ?? descriptor.Defaults.NoOverlap;
                record.UpdatedAt = now;
                record.Version++;

                if (scheduleChanged)
                {
                    if (CronSchedule.TryParse(cron, options.TimeZoneId, out var schedule, out var error))
                    {
                        record.Error = null;
                        record.NextExecution = schedule!.NextAfter(now);
                    }
                    else
                    {
                        record.Error = JobText.Cap(error, JobColumnLengths.ExceptionMessage);
                        record.NextExecution = null;
                    }
                }

                await db.SaveChangesAsync(cancellationToken);
            },
            cancellationToken
        );
    }

    public Task<bool> RemoveIfExistsAsync(string recurringJobId, CancellationToken cancellationToken = default) =>
        store.RunAsync(
            async db =>
            {
                var record = await db.RecurringJobs.FirstOrDefaultAsync(r => r.Id == recurringJobId, cancellationToken);
                if (record is null)
                {
                    return false;
                }

                db.RecurringJobs.Remove(record);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            },
            cancellationToken
        );

    public Task<string?> TriggerAsync(string recurringJobId, CancellationToken cancellationToken = default) =>
        store.RunAsync(
            async db =>
            {
                var record = await db.RecurringJobs.FirstOrDefaultAsync(r => r.Id == recurringJobId, cancellationToken);
                if (record is null)
                {
                    return null;
                }

                // Trigger-now never moves NextExecution.
                var job = RecurringJobScheduler.NewOccurrenceJob(record, registry, clock, occurrenceKey: null, JobState.Enqueued);
                transitions.Create(db, job, $"Triggered manually from recurring job '{record.Id}'");
                record.LastExecution = transitions.UtcNow;
                record.LastJobId = job.Id;
                record.Version++;
                await db.SaveChangesAsync(cancellationToken);
                return (string?)job.Id;
            },
            cancellationToken
        );
}
