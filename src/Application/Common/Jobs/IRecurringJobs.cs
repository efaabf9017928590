using MediatR;

namespace CleanApp.Application.Common.Jobs;

/// <summary>Recurring jobs: a cron expression (5 or 6 fields) in an IANA time zone (named apart from Hangfire's <c>IRecurringJobManager</c>).</summary>
public interface IRecurringJobs
{
    /// <summary>Throws <see cref="ArgumentException"/> for an invalid cron expression or an unknown time zone.</summary>
    void AddOrUpdate<TCommand>(string recurringJobId, TCommand command, string cron, RecurringOptions? options = null)
        where TCommand : IRequest<Unit>;

    void RemoveIfExists(string recurringJobId);

    /// <summary>Enqueues one run now without moving the next scheduled execution. Returns the new job's id, or null if unknown.</summary>
    string? Trigger(string recurringJobId);
}
