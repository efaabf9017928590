using CleanApp.Application.Common.Jobs;

namespace CleanApp.Infrastructure.Jobs.Storage;

/// <summary>One state transition of a job (table <c>JobHistory</c>), append-only; expires with its job.</summary>
public sealed class JobHistoryEntry
{
    public long Id { get; set; }

    public string JobId { get; set; } = default!;

    public JobState State { get; set; }

    public string? Reason { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? ServerId { get; set; }

    public string? WorkerId { get; set; }

    public string? ExceptionType { get; set; }

    public string? ExceptionMessage { get; set; }

    /// <summary>The full exception text (stack included), capped; shown only when expanded.</summary>
    public string? ExceptionDetails { get; set; }

    public long? LatencyMs { get; set; }

    public long? DurationMs { get; set; }

    /// <summary>Further data as JSON (e.g. retry number, next attempt time, abandonment count).</summary>
    public string? Data { get; set; }
}
