using CleanApp.Application.Common.Jobs;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>Manual operations on existing jobs (client and dashboard): each is one short transaction, retried on conflicts.</summary>
public static class JobCommands
{
    public static Task<bool> DeleteAsync(
        JobStore store,
        JobTransitions transitions,
        string jobId,
        string reason,
        CancellationToken cancellationToken
    ) =>
        store.RunAsync(
            async db =>
            {
                var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
                if (job is null || job.State == JobState.Deleted)
                {
                    return false;
                }

                // A Processing job loses its lease here; its server's heartbeat notices and cancels the handler.
                transitions.Apply(db, job, JobState.Deleted, new TransitionData { Reason = reason });
                await transitions.ReleaseContinuationsAsync(db, job, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            },
            cancellationToken
        );

    public static Task<bool> RequeueAsync(
        JobStore store,
        JobTransitions transitions,
        string jobId,
        string reason,
        CancellationToken cancellationToken
    ) =>
        store.RunAsync(
            async db =>
            {
                var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
                if (job is null)
                {
                    return false;
                }

                transitions.Apply(db, job, JobState.Enqueued, new TransitionData { Reason = reason });
                await db.SaveChangesAsync(cancellationToken);
                return true;
            },
            cancellationToken
        );
}
