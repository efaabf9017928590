namespace CleanApp.Application.Common.Jobs.Monitoring;

/// <summary>
/// One page of a state list. <see cref="Retries"/> narrows Scheduled to jobs waiting for an automatic retry. Paging is
/// by key: pass the <see cref="JobPageDto.NextCursor"/> as <see cref="After"/> (or <see cref="JobPageDto.PreviousCursor"/>
/// as <see cref="Before"/>). <see cref="Search"/> matches the id exactly, or kind, exception type/message or arguments
/// by substring within the newest <see cref="SearchWindow"/> rows that match the other filters.
/// </summary>
public sealed record JobListQuery
{
    public const int CountCap = 10_000;
    public const int SearchWindow = 10_000;
    public const int MaxPageSize = 200;

    public JobState State { get; init; }

    public bool Retries { get; init; }

    public string? Kind { get; init; }

    public string? Queue { get; init; }

    /// <summary>Inclusive lower bound (UTC) on the time the job entered its state.</summary>
    public DateTime? From { get; init; }

    /// <summary>Exclusive upper bound (UTC) on the time the job entered its state.</summary>
    public DateTime? To { get; init; }

    public string? Search { get; init; }

    public string? After { get; init; }

    public string? Before { get; init; }

    public int PageSize { get; init; } = 20;
}

public sealed record JobPageDto(IReadOnlyList<JobSummaryDto> Items, CappedCount Count, string? NextCursor, string? PreviousCursor);

/// <summary>A count that stops at a cap: "10,000+" is all the dashboard ever needs to know.</summary>
public readonly record struct CappedCount(long Value, bool Capped)
{
    public override string ToString() =>
        Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + (Capped ? "+" : string.Empty);
}
