using System.Globalization;
using System.Text.Json;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>Data recorded with a transition (history row and, for failures, the job's last-exception columns).</summary>
public sealed record TransitionData
{
    public string? Reason { get; init; }

    public string? ServerId { get; init; }

    public string? WorkerId { get; init; }

    public Exception? Exception { get; init; }

    public string? ExceptionType { get; init; }

    public string? ExceptionMessage { get; init; }

    public long? LatencyMs { get; init; }

    public long? DurationMs { get; init; }

    public IReadOnlyDictionary<string, string>? Data { get; init; }
}

/// <summary>
/// The state machine. Every change of a job's state goes through <see cref="Apply"/>: it updates the tracked row, bumps
/// its concurrency version, appends the history row and the counters, sets expiry, and releases continuations when a
/// final state is reached. The caller saves (one short transaction).
/// </summary>
public sealed class JobTransitions(TimeProvider clock, IOptions<JobEngineOptions> options)
{
    private readonly JobEngineOptions _options = options.Value;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public static bool IsFinal(JobState state) => state is JobState.Succeeded or JobState.Deleted;

    /// <summary>Adds a new job in its initial state (Enqueued, Scheduled or Awaiting) with its creation history row.</summary>
    public void Create(ApplicationDbContext db, JobRecord job, string reason)
    {
        var now = UtcNow;
        job.CreatedAt = now;
        job.StateChangedAt = now;
        if (job.State == JobState.Enqueued)
        {
            job.EnqueuedAt = now;
            job.RunAt = now;
        }

        db.Jobs.Add(job);
        db.JobHistory.Add(
            new JobHistoryEntry
            {
                JobId = job.Id,
                State = job.State,
                Reason = JobText.Cap(reason, JobColumnLengths.Reason),
                CreatedAt = now,
            }
        );
    }

    public void Apply(ApplicationDbContext db, JobRecord job, JobState to, TransitionData data, DateTime? runAt = null)
    {
        var now = UtcNow;
        var from = job.State;
        job.State = to;
        job.StateChangedAt = now;
        job.Version++;
        job.StateReason = JobText.Cap(data.Reason, JobColumnLengths.Reason);

        if (to != JobState.Processing)
        {
            job.LeaseToken = null;
            job.LeaseOwner = null;
            job.LeaseExpiresAt = null;
            job.WorkerId = null;
        }

        switch (to)
        {
            case JobState.Enqueued:
                job.RunAt = now;
                job.EnqueuedAt = now;
                job.FinishedAt = null;
                break;
            case JobState.Scheduled:
                job.RunAt = runAt ?? now;
                job.FinishedAt = null;
                break;
            case JobState.Succeeded or JobState.Failed or JobState.Deleted:
                job.FinishedAt = now;
                break;
        }

        job.ExpiresAt = to switch
        {
            JobState.Succeeded => now + _options.SucceededRetention,
            JobState.Deleted => now + _options.DeletedRetention,
            JobState.Failed when _options.FailedRetention is { } retention => now + retention,
            _ => null,
        };

        if (data.LatencyMs is not null)
        {
            job.LatencyMs = data.LatencyMs;
        }

        if (data.DurationMs is not null)
        {
            job.DurationMs = data.DurationMs;
        }

        var exceptionType = data.ExceptionType ?? data.Exception?.GetType().FullName;
        var exceptionMessage = data.ExceptionMessage ?? data.Exception?.Message;
        if (to == JobState.Failed || exceptionType is not null)
        {
            job.LastExceptionType = JobText.Cap(exceptionType, JobColumnLengths.ExceptionType);
            job.LastExceptionMessage = JobText.Cap(exceptionMessage, JobColumnLengths.ExceptionMessage);
        }

        db.JobHistory.Add(
            new JobHistoryEntry
            {
                JobId = job.Id,
                State = to,
                Reason = JobText.Cap(data.Reason, JobColumnLengths.Reason),
                CreatedAt = now,
                ServerId = data.ServerId,
                WorkerId = data.WorkerId,
                ExceptionType = JobText.Cap(exceptionType, JobColumnLengths.ExceptionType),
                ExceptionMessage = JobText.Cap(exceptionMessage, JobColumnLengths.ExceptionMessage),
                ExceptionDetails = JobText.Cap(data.Exception?.ToString(), JobColumnLengths.ExceptionDetails),
                LatencyMs = data.LatencyMs,
                DurationMs = data.DurationMs,
                Data = data.Data is { Count: > 0 } ? JsonSerializer.Serialize(data.Data, JobSerializer.Options) : null,
            }
        );

        var counter = to switch
        {
            JobState.Succeeded => JobCounterKeys.Succeeded,
            JobState.Failed => JobCounterKeys.Failed,
            JobState.Deleted => JobCounterKeys.Deleted,
            _ => null,
        };
        if (counter is not null && from != to)
        {
            db.JobCounters.Add(
                new JobCounterRecord
                {
                    Key = counter,
                    Value = 1,
                    CreatedAt = now,
                }
            );
        }
    }

    /// <summary>
    /// Releases the Awaiting children of <paramref name="parent"/> when it is final: a matching option enqueues the
    /// child, a non-matching one deletes it (which releases the child's own continuations, iteratively).
    /// </summary>
    public async Task ReleaseContinuationsAsync(ApplicationDbContext db, JobRecord parent, CancellationToken cancellationToken)
    {
        var pending = new Queue<JobRecord>();
        pending.Enqueue(parent);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            if (!IsFinal(current.State))
            {
                continue;
            }

            var children = await db
                .Jobs.Where(j => j.ParentId == current.Id && j.State == JobState.Awaiting)
                .ToListAsync(cancellationToken);
            foreach (var child in children)
            {
                if (Matches(child.ContinuationOption, current.State))
                {
                    Apply(
                        db,
                        child,
                        JobState.Enqueued,
                        new TransitionData { Reason = $"Parent {current.Id} {current.State.ToString().ToLowerInvariant()}" }
                    );
                }
                else
                {
                    Apply(
                        db,
                        child,
                        JobState.Deleted,
                        new TransitionData
                        {
                            Reason = $"Parent {current.Id} {current.State.ToString().ToLowerInvariant()}: continuation option not met",
                        }
                    );
                    pending.Enqueue(child);
                }
            }
        }
    }

    public static bool Matches(JobContinuationOptions? option, JobState parentState) =>
        option switch
        {
            JobContinuationOptions.OnlyOnSucceededState => parentState == JobState.Succeeded,
            JobContinuationOptions.OnlyOnDeletedState => parentState == JobState.Deleted,
            _ => IsFinal(parentState),
        };

    public static IReadOnlyDictionary<string, string> Data(params (string Key, object? Value)[] values) =>
        values
            .Where(v => v.Value is not null)
            .ToDictionary(v => v.Key, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture)!, StringComparer.Ordinal);
}
