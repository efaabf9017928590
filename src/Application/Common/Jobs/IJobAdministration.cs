namespace CleanApp.Application.Common.Jobs;

/// <summary>Operator switches that Hangfire's client does not have: pausing a queue or a recurring job.</summary>
public interface IJobAdministration
{
    /// <summary>Workers stop claiming from a paused queue; its jobs wait. Returns false when nothing changed.</summary>
    Task<bool> SetQueuePausedAsync(string queue, bool paused, string changedBy, CancellationToken cancellationToken);

    /// <summary>A paused recurring job fires no occurrence until enabled again. Returns false when the id is unknown.</summary>
    Task<bool> SetRecurringJobPausedAsync(string recurringJobId, bool paused, CancellationToken cancellationToken);
}
