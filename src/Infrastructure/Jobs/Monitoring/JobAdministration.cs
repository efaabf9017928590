using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Jobs.Monitoring;

/// <summary>Queue and recurring-job switches, each in its own short transaction through <see cref="JobStore"/>.</summary>
public sealed class JobAdministration(JobStore store, TimeProvider clock) : IJobAdministration
{
    public Task<bool> SetQueuePausedAsync(string queue, bool paused, string changedBy, CancellationToken cancellationToken) =>
        store.RunAsync(
            async db =>
            {
                var record = await db.JobQueues.FirstOrDefaultAsync(q => q.Name == queue, cancellationToken);
                if ((record?.IsPaused ?? false) == paused)
                {
                    return false;
                }

                if (record is null)
                {
                    record = new JobQueueRecord { Name = queue };
                    db.JobQueues.Add(record);
                }

                record.IsPaused = paused;
                record.ChangedAt = clock.GetUtcNow().UtcDateTime;
                record.ChangedBy = changedBy.Length > JobColumnLengths.ServerId ? changedBy[..JobColumnLengths.ServerId] : changedBy;
                await db.SaveChangesAsync(cancellationToken);
                return true;
            },
            cancellationToken
        );

    public Task<bool> SetRecurringJobPausedAsync(string recurringJobId, bool paused, CancellationToken cancellationToken) =>
        store.RunAsync(
            async db =>
            {
                var record = await db.RecurringJobs.FirstOrDefaultAsync(r => r.Id == recurringJobId, cancellationToken);
                if (record is null)
                {
                    return false;
                }

                if (record.IsPaused != paused)
                {
                    record.IsPaused = paused;
                    record.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                    record.Version++;
                    await db.SaveChangesAsync(cancellationToken);
                }

                return true;
            },
            cancellationToken
        );
}
