using MediatR;

namespace CleanApp.Application.Common.Jobs;

/// <summary>Hangfire's recurring jobs: cron (5 or 6 fields) in an IANA time zone, each occurrence enqueued exactly once.</summary>
public interface IRecurringJobManager
{
    Task AddOrUpdateAsync<TCommand>(
        string recurringJobId,
        TCommand command,
        string cron,
        RecurringJobOptions? options = null,
        CancellationToken cancellationToken = default
    )
        where TCommand : IRequest<Unit>;

    Task<bool> RemoveIfExistsAsync(string recurringJobId, CancellationToken cancellationToken = default);

    /// <summary>Enqueues one run now without moving the next scheduled execution. Returns the new job's id, or null if unknown.</summary>
    Task<string?> TriggerAsync(string recurringJobId, CancellationToken cancellationToken = default);
}
