namespace CleanApp.Application.Common.Jobs.Monitoring;

public sealed record JobKindDto(string Kind, string DisplayName, string Queue);

public sealed record JobSummaryDto
{
    public required string Id { get; init; }

    public required string Kind { get; init; }

    public required string DisplayName { get; init; }

    public required string Queue { get; init; }

    public required JobState State { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime StateChangedAt { get; init; }

    public DateTime RunAt { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? FinishedAt { get; init; }

    public long? LatencyMs { get; init; }

    public long? DurationMs { get; init; }

    public string? Server { get; init; }

    public string? StateReason { get; init; }

    public string? ExceptionType { get; init; }

    public string? ExceptionMessage { get; init; }

    public int Attempt { get; init; }

    public int RetryCount { get; init; }

    public int MaxRetries { get; init; }
}

public sealed record JobDetailsDto
{
    public required JobSummaryDto Job { get; init; }

    /// <summary>The command's JSON with configured property names replaced by a marker (Jobs:Dashboard:RedactedArguments).</summary>
    public required string Arguments { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Options { get; init; }

    public string? ParentId { get; init; }

    public JobContinuationOptions? ContinuationOption { get; init; }

    public required IReadOnlyList<JobSummaryDto> Continuations { get; init; }

    /// <summary>Newest first.</summary>
    public required IReadOnlyList<JobHistoryDto> History { get; init; }
}

public sealed record JobHistoryDto(
    JobState State,
    string? Reason,
    DateTime CreatedAt,
    string? Server,
    string? Worker,
    string? ExceptionType,
    string? ExceptionMessage,
    string? ExceptionDetails,
    long? LatencyMs,
    long? DurationMs,
    string? Data
);

public sealed record StatisticsDto(
    IReadOnlyDictionary<JobState, CappedCount> States,
    CappedCount Retries,
    long SucceededTotal,
    long FailedTotal,
    long DeletedTotal,
    int Servers,
    int Recurring,
    int Queues
);

public sealed record RealtimeCountersDto(DateTime At, long Succeeded, long Failed);

public sealed record TimelinePointDto(DateTime BucketStart, long Succeeded, long Failed);

public sealed record QueueDto(
    string Name,
    CappedCount Length,
    CappedCount InFlight,
    bool IsPaused,
    DateTime? PausedAt,
    string? PausedBy,
    IReadOnlyList<JobSummaryDto> FirstJobs
);

public sealed record RecurringJobDto
{
    public required string Id { get; init; }

    public required string Cron { get; init; }

    public required string CronDescription { get; init; }

    public required string TimeZoneId { get; init; }

    public required string Kind { get; init; }

    public required string DisplayName { get; init; }

    public required string Queue { get; init; }

    public DateTime? NextExecution { get; init; }

    public DateTime? LastExecution { get; init; }

    public string? LastJobId { get; init; }

    public JobState? LastJobState { get; init; }

    public string? Error { get; init; }

    public bool IsPaused { get; init; }

    public MisfireHandling Misfire { get; init; }

    public bool NoOverlap { get; init; }
}

public sealed record ServerDto(
    string Id,
    string HostName,
    int Workers,
    IReadOnlyList<string> Queues,
    DateTime StartedAt,
    DateTime HeartbeatAt,
    bool PossiblyAborted
);
