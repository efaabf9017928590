namespace CleanApp.Application.Common.Jobs;

/// <summary>Per-call options; unset values fall back to the kind's <see cref="BackgroundJobAttribute"/>.</summary>
public sealed record JobOptions
{
    public const string DefaultQueue = "default";
    public const int DefaultAttempts = 10;

    public string? Queue { get; init; }

    public int? Priority { get; init; }

    public int? Attempts { get; init; }

    public AttemptsExceededAction? OnAttemptsExceeded { get; init; }

    /// <summary>Explicit delays before retry 1, 2, ... (the last repeats); null means Hangfire's polynomial back-off.</summary>
    public IReadOnlyList<TimeSpan>? RetryDelays { get; init; }

    /// <summary>Retry only when the exception's type (full name) is one of these.</summary>
    public IReadOnlyList<string>? RetryOnlyOn { get; init; }

    /// <summary>Never retry when the exception's type (full name) is one of these.</summary>
    public IReadOnlyList<string>? RetryExceptOn { get; init; }

    /// <summary>At most one live job per key: enqueueing again with the same key returns the existing job's id.</summary>
    public string? IdempotencyKey { get; init; }
}

public enum AttemptsExceededAction
{
    Fail,
    Delete,
}

/// <summary>When a continuation runs, relative to its parent's final state (Hangfire's JobContinuationOptions).</summary>
public enum JobContinuationOptions
{
    OnlyOnSucceededState,
    OnlyOnDeletedState,
    OnAnyFinishedState,
}

/// <summary>Hangfire's states. Succeeded and Deleted are final.</summary>
public enum JobState
{
    Enqueued,
    Scheduled,
    Awaiting,
    Processing,
    Succeeded,
    Failed,
    Deleted,
}

/// <summary>What the scheduler does with occurrences missed while no server was running.</summary>
public enum MisfireHandling
{
    /// <summary>Fire once for all missed occurrences (the default).</summary>
    FireOnce,

    /// <summary>Fire every missed occurrence, up to a cap.</summary>
    FireAll,

    /// <summary>Skip missed occurrences; wait for the next one.</summary>
    Skip,
}

public sealed record RecurringJobOptions
{
    /// <summary>IANA zone id, e.g. "Europe/Berlin"; cron times are local to it, converted correctly across DST.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    public string? Queue { get; init; }

    public MisfireHandling Misfire { get; init; } = MisfireHandling.FireOnce;

    public bool? NoOverlap { get; init; }
}
