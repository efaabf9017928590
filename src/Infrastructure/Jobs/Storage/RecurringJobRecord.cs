using CleanApp.Application.Common.Jobs;

namespace CleanApp.Infrastructure.Jobs.Storage;

/// <summary>A recurring job definition (table <c>RecurringJobs</c>).</summary>
public sealed class RecurringJobRecord
{
    public string Id { get; set; } = default!;

    public string Kind { get; set; } = default!;

    public string Payload { get; set; } = default!;

    /// <summary>5 fields (minute precision) or 6 fields (leading seconds).</summary>
    public string Cron { get; set; } = default!;

    /// <summary>IANA zone id the cron is evaluated in.</summary>
    public string TimeZoneId { get; set; } = "UTC";

    public string Queue { get; set; } = JobOptions.DefaultQueue;

    public MisfireHandling Misfire { get; set; }

    public bool NoOverlap { get; set; }

    /// <summary>Paused by an operator: no occurrence fires.</summary>
    public bool IsPaused { get; set; }

    /// <summary>Invalid cron or zone (or unknown kind): the recurring job is disabled and this says why.</summary>
    public string? Error { get; set; }

    /// <summary>UTC instant of the next occurrence; null when disabled.</summary>
    public DateTime? NextExecution { get; set; }

    public DateTime? LastExecution { get; set; }

    public string? LastJobId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token: two servers advancing the same occurrence conflict and one rolls back.</summary>
    public int Version { get; set; }
}
