using MediatR;

namespace CleanApp.Application.Common.Jobs;

/// <summary>
/// Creates background jobs from MediatR commands registered with <see cref="BackgroundJobAttribute"/> (Hangfire runs
/// them; named apart from Hangfire's <c>IBackgroundJobClient</c> on purpose).
/// <para>
/// Creating a job is <b>transactional</b>: it is staged in the caller's unit of work (the scoped
/// <c>IApplicationDbContext</c>) as an outbox row and handed to Hangfire right after that unit of work's
/// <c>SaveChangesAsync</c> commits; on rollback it never runs. The returned id is known at once and accepted by
/// <see cref="DeleteAsync"/>, <see cref="RequeueAsync"/> and <see cref="ContinueJobWith{TCommand}"/>.
/// Delete and requeue act on Hangfire immediately.
/// </para>
/// Scheduling a command type that is not a registered kind throws <see cref="InvalidOperationException"/>.
/// </summary>
public interface IJobScheduler
{
    string Enqueue<TCommand>(TCommand command, JobOptions? options = null)
        where TCommand : IRequest<Unit>;

    string Schedule<TCommand>(TCommand command, TimeSpan delay, JobOptions? options = null)
        where TCommand : IRequest<Unit>;

    string Schedule<TCommand>(TCommand command, DateTimeOffset enqueueAt, JobOptions? options = null)
        where TCommand : IRequest<Unit>;

    /// <summary>Runs <paramref name="command"/> after <paramref name="parentId"/> reaches a final state matching <paramref name="when"/>.</summary>
    string ContinueJobWith<TCommand>(
        string parentId,
        TCommand command,
        ContinuationCondition when = ContinuationCondition.OnlyOnSucceededState,
        JobOptions? options = null
    )
        where TCommand : IRequest<Unit>;

    Task<bool> DeleteAsync(string jobId, CancellationToken cancellationToken = default);

    Task<bool> RequeueAsync(string jobId, CancellationToken cancellationToken = default);
}
