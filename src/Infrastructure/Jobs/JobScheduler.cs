using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Persistence;
using Hangfire;
using Hangfire.States;
using MediatR;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Stages jobs as <see cref="JobOutboxEntry"/> rows in the caller's unit of work (the scoped <see cref="ApplicationDbContext"/>),
/// so they commit or roll back with it; <see cref="JobOutboxRelay"/> hands them to Hangfire after the commit.
/// Delete and requeue go to Hangfire at once.
/// </summary>
public sealed class JobScheduler(ApplicationDbContext db, JobKindRegistry kinds, JobOutboxRelay relay, TimeProvider clock) : IJobScheduler
{
    public string Enqueue<TCommand>(TCommand command, JobOptions? options = null)
        where TCommand : IRequest<Unit> => Stage(command, options, e => { });

    public string Schedule<TCommand>(TCommand command, TimeSpan delay, JobOptions? options = null)
        where TCommand : IRequest<Unit> => Schedule(command, clock.GetUtcNow() + delay, options);

    public string Schedule<TCommand>(TCommand command, DateTimeOffset enqueueAt, JobOptions? options = null)
        where TCommand : IRequest<Unit> => Stage(command, options, e => e.RunAt = enqueueAt.UtcDateTime);

    public string ContinueJobWith<TCommand>(
        string parentId,
        TCommand command,
        ContinuationCondition when = ContinuationCondition.OnlyOnSucceededState,
        JobOptions? options = null
    )
        where TCommand : IRequest<Unit>
    {
        ArgumentException.ThrowIfNullOrEmpty(parentId);
        return Stage(command, options, e =>
        {
            e.ParentId = parentId;
            e.ContinuationOption = when;
        });
    }

    public async Task<bool> DeleteAsync(string jobId, CancellationToken cancellationToken = default)
    {
        if (await relay.ResolveAsync(jobId, cancellationToken) is not { } hangfireId)
        {
            return false;
        }

        return relay.Client.ChangeState(hangfireId, new DeletedState());
    }

    public async Task<bool> RequeueAsync(string jobId, CancellationToken cancellationToken = default) =>
        await relay.ResolveAsync(jobId, cancellationToken) is { } hangfireId && relay.Client.ChangeState(hangfireId, new EnqueuedState());

    private string Stage(object command, JobOptions? options, Action<JobOutboxEntry> configure)
    {
        ArgumentNullException.ThrowIfNull(command);
        var kind = kinds.Get(command.GetType());
        if (options?.Attempts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Attempts cannot be negative.");
        }

        var entry = new JobOutboxEntry
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N"),
            Kind = kind.Name,
            Payload = JobKindRegistry.Serialize(command),
            Queue = options?.Queue,
            Attempts = options?.Attempts,
            OnAttemptsExceeded = options?.OnAttemptsExceeded,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        configure(entry);
        db.JobOutbox.Add(entry);
        return entry.Id;
    }
}
