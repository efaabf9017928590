namespace CleanApp.Application.Common.Jobs;

/// <summary>Per-call options; unset values fall back to the kind's <see cref="BackgroundJobAttribute"/>.</summary>
public sealed record JobOptions
{
    public const string DefaultQueue = "default";
    public const int DefaultAttempts = 10;

    /// <summary>Lower-case letters, digits, underscores and dashes (Hangfire's rule for queue names).</summary>
    public string? Queue { get; init; }

    public int? Attempts { get; init; }

    public RetriesExhausted? OnAttemptsExceeded { get; init; }
}

public enum RetriesExhausted
{
    Fail,
    Delete,
}

/// <summary>When a continuation runs, relative to its parent's final state (Hangfire's ContinuationCondition).</summary>
public enum ContinuationCondition
{
    OnlyOnSucceededState,
    OnlyOnDeletedState,
    OnAnyFinishedState,
}

public sealed record RecurringOptions
{
    /// <summary>IANA zone id, e.g. "Europe/Berlin"; cron times are local to it, converted correctly across DST.</summary>
    public string TimeZoneId { get; init; } = "UTC";

    public string? Queue { get; init; }
}
