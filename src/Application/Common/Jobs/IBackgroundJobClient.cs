using MediatR;

namespace CleanApp.Application.Common.Jobs;

/// <summary>
/// Hangfire's client, for MediatR commands registered with <see cref="BackgroundJobAttribute"/>.
/// <para>
/// Creating a job (enqueue, schedule, continue) is <b>transactional</b>: the job is staged in the caller's unit of work
/// (the scoped <c>IApplicationDbContext</c>) and becomes visible when that unit of work's <c>SaveChangesAsync</c> commits;
/// on rollback it never runs. Local workers are woken right after the commit. Ids are strings and are known at once.
/// Operations on existing jobs (delete, requeue) take effect immediately.
/// </para>
/// Enqueueing a command type that is not a registered kind throws <see cref="InvalidOperationException"/>.
/// </summary>
public interface IBackgroundJobClient
{
    string Enqueue<TCommand>(TCommand command, JobOptions? options = null)
        where TCommand : IRequest<Unit>;

    string Schedule<TCommand>(TCommand command, TimeSpan delay, JobOptions? options = null)
        where TCommand : IRequest<Unit>;

    string Schedule<TCommand>(TCommand command, DateTimeOffset enqueueAt, JobOptions? options = null)
        where TCommand : IRequest<Unit>;

    /// <summary>Runs <paramref name="command"/> after <paramref name="parentId"/> reaches a final state matching <paramref name="when"/>; a non-matching final state deletes it.</summary>
    string ContinueJobWith<TCommand>(
        string parentId,
        TCommand command,
        JobContinuationOptions when = JobContinuationOptions.OnlyOnSucceededState,
        JobOptions? options = null
    )
        where TCommand : IRequest<Unit>;

    Task<bool> DeleteAsync(string jobId, string? reason = null, CancellationToken cancellationToken = default);

    Task<bool> RequeueAsync(string jobId, string? reason = null, CancellationToken cancellationToken = default);
}
