using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using CleanApp.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Creates jobs in the caller's unit of work (the scoped <see cref="ApplicationDbContext"/>): they commit or roll back
/// with it, and <see cref="JobEnqueuedInterceptor"/> wakes the workers after the commit. Delete and requeue act at once
/// in their own short transaction.
/// </summary>
public sealed class BackgroundJobClient(
    ApplicationDbContext db,
    JobKindRegistry registry,
    JobTransitions transitions,
    JobStore store,
    TimeProvider clock
) : IBackgroundJobClient
{
    public string Enqueue<TCommand>(TCommand command, JobOptions? options = null)
        where TCommand : IRequest<Unit> => Create(command, options, JobState.Enqueued, runAt: null, parent: null, "Enqueued");

    public string Schedule<TCommand>(TCommand command, TimeSpan delay, JobOptions? options = null)
        where TCommand : IRequest<Unit> => Schedule(command, clock.GetUtcNow() + delay, options);

    public string Schedule<TCommand>(TCommand command, DateTimeOffset enqueueAt, JobOptions? options = null)
        where TCommand : IRequest<Unit> =>
        Create(command, options, JobState.Scheduled, enqueueAt.UtcDateTime, parent: null, $"Scheduled for {enqueueAt.UtcDateTime:O}");

    public string ContinueJobWith<TCommand>(
        string parentId,
        TCommand command,
        JobContinuationOptions when = JobContinuationOptions.OnlyOnSucceededState,
        JobOptions? options = null
    )
        where TCommand : IRequest<Unit>
    {
        ArgumentException.ThrowIfNullOrEmpty(parentId);

        // The parent may be staged in this same unit of work, or already committed (possibly already finished).
        var parentState = db.Jobs.Local.FirstOrDefault(j => j.Id == parentId)?.State
            ?? db.Jobs.AsNoTracking().Where(j => j.Id == parentId).Select(j => (JobState?)j.State).FirstOrDefault()
            ?? throw new InvalidOperationException($"Parent job '{parentId}' does not exist.");

        var id = Create(command, options, JobState.Awaiting, runAt: null, (parentId, when), $"Awaiting job {parentId}");
        if (JobTransitions.IsFinal(parentState))
        {
            // Added after the parent finished: resolve now (the scheduler's sweep also covers a parent finishing between this read and the commit).
            var job = db.Jobs.Local.First(j => j.Id == id);
            var matches = JobTransitions.Matches(when, parentState);
            transitions.Apply(
                db,
                job,
                matches ? JobState.Enqueued : JobState.Deleted,
                new TransitionData
                {
                    Reason = matches
                        ? $"Parent {parentId} already {parentState.ToString().ToLowerInvariant()}"
                        : $"Parent {parentId} already {parentState.ToString().ToLowerInvariant()}: continuation option not met",
                }
            );
        }

        return id;
    }

    public Task<bool> DeleteAsync(string jobId, string? reason = null, CancellationToken cancellationToken = default) =>
        JobCommands.DeleteAsync(store, transitions, jobId, reason ?? "Deleted manually", cancellationToken);

    public Task<bool> RequeueAsync(string jobId, string? reason = null, CancellationToken cancellationToken = default) =>
        JobCommands.RequeueAsync(store, transitions, jobId, reason ?? "Requeued manually", cancellationToken);

    private string Create(
        object command,
        JobOptions? options,
        JobState state,
        DateTime? runAt,
        (string Id, JobContinuationOptions When)? parent,
        string reason
    )
    {
        ArgumentNullException.ThrowIfNull(command);
        var descriptor = registry.GetByType(command.GetType());
        var defaults = descriptor.Defaults;

        if (options?.IdempotencyKey is { } key && FindLiveJobWithKey(key) is { } existing)
        {
            return existing;
        }

        var attempts = options?.Attempts ?? defaults.Attempts;
        if (attempts < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Attempts cannot be negative.");
        }

        var job = new JobRecord
        {
            Id = JobIds.New(clock),
            Kind = descriptor.Kind,
            Queue = options?.Queue ?? defaults.Queue,
            Priority = options?.Priority ?? defaults.Priority,
            State = state,
            Payload = JobSerializer.Serialize(command),
            MaxRetries = attempts,
            OnAttemptsExceeded = options?.OnAttemptsExceeded ?? defaults.OnAttemptsExceeded,
            RetryPolicy = JobSerializer.SerializeRetryPolicy(
                new JobRetryPolicy
                {
                    DelaysSeconds = options?.RetryDelays?.Select(d => d.TotalSeconds).ToList(),
                    OnlyOn = options?.RetryOnlyOn,
                    ExceptOn = options?.RetryExceptOn,
                }
            ),
            IdempotencyKey = options?.IdempotencyKey,
            ParentId = parent?.Id,
            ContinuationOption = parent?.When,
            RunAt = runAt ?? clock.GetUtcNow().UtcDateTime,
        };
        transitions.Create(db, job, reason);
        return job.Id;
    }

    private string? FindLiveJobWithKey(string key) =>
        db.Jobs.Local.FirstOrDefault(j => j.IdempotencyKey == key && !JobTransitions.IsFinal(j.State))?.Id
        ?? db.Jobs.AsNoTracking()
            .Where(j => j.IdempotencyKey == key && j.State != JobState.Succeeded && j.State != JobState.Deleted)
            .Select(j => j.Id)
            .FirstOrDefault();
}

public static class JobIds
{
    /// <summary>UUIDv7 in "N" form: time-ordered, so id order is creation order (keyset paging, FIFO tie-break).</summary>
    public static string New(TimeProvider clock) => Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");
}
