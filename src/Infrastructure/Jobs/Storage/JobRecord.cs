using CleanApp.Application.Common.Jobs;

namespace CleanApp.Infrastructure.Jobs.Storage;

/// <summary>
/// One background job (table <c>Jobs</c>). The row is the job's current state; every transition also appends a
/// <see cref="JobHistoryEntry"/>. Exception stacks live only in the history (loaded when a dashboard row is expanded);
/// the job carries the last exception's type and message for lists.
/// </summary>
public sealed class JobRecord
{
    /// <summary>Time-ordered (UUIDv7, 32 hex chars), so ordering by id is ordering by creation.</summary>
    public string Id { get; set; } = default!;

    /// <summary>The stable kind name from <see cref="BackgroundJobAttribute"/>, never a CLR type name.</summary>
    public string Kind { get; set; } = default!;

    public string Queue { get; set; } = JobOptions.DefaultQueue;

    /// <summary>Higher runs first within a queue.</summary>
    public int Priority { get; set; }

    public JobState State { get; set; }

    /// <summary>The command, System.Text.Json.</summary>
    public string Payload { get; set; } = default!;

    /// <summary>Automatic retries allowed after the first failure (0 disables retrying).</summary>
    public int MaxRetries { get; set; } = JobOptions.DefaultAttempts;

    public AttemptsExceededAction OnAttemptsExceeded { get; set; }

    /// <summary>Explicit delays and only-on/except-on filters as JSON (<see cref="JobRetryPolicy"/>); null = Hangfire's defaults.</summary>
    public string? RetryPolicy { get; set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>Set for jobs created by a recurring job.</summary>
    public string? RecurringJobId { get; set; }

    /// <summary>Recurring id + occurrence instant; unique, so an occurrence is enqueued at most once whoever tries.</summary>
    public string? OccurrenceKey { get; set; }

    /// <summary>For continuations: the parent job and the parent's final states that release this job.</summary>
    public string? ParentId { get; set; }

    public JobContinuationOptions? ContinuationOption { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the current state was entered (keyset paging per state orders by it, then by id).</summary>
    public DateTime StateChangedAt { get; set; }

    /// <summary>Due time: when an Enqueued or Scheduled job may be claimed.</summary>
    public DateTime RunAt { get; set; }

    public DateTime? EnqueuedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Succeeded/Deleted jobs (and Failed ones if configured) are removed after this instant.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Executions started (incremented by each claim).</summary>
    public int Attempt { get; set; }

    /// <summary>Automatic retries consumed so far ("retry n of <see cref="MaxRetries"/>").</summary>
    public int RetryCount { get; set; }

    /// <summary>Leases that expired without completion (process killed); 3 → Failed.</summary>
    public int AbandonCount { get; set; }

    /// <summary>Fresh for every claim; renewals and completion apply only while it matches.</summary>
    public string? LeaseToken { get; set; }

    /// <summary>The server holding the lease (<see cref="JobServerRecord.Id"/>).</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public string? WorkerId { get; set; }

    public string? StateReason { get; set; }

    public string? LastExceptionType { get; set; }

    public string? LastExceptionMessage { get; set; }

    /// <summary>Enqueued (or due) → started, of the last execution.</summary>
    public long? LatencyMs { get; set; }

    /// <summary>Duration of the last execution.</summary>
    public long? DurationMs { get; set; }

    /// <summary>Optimistic concurrency token: every state change increments it (lease renewals do not).</summary>
    public int Version { get; set; }
}
