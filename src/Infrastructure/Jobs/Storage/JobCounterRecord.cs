namespace CleanApp.Infrastructure.Jobs.Storage;

/// <summary>
/// Append-only counter increment (table <c>JobCounters</c>), e.g. one row per succeeded job. The aggregator folds these
/// rows into <see cref="JobStatisticRecord"/> buckets and deletes them, so statistics never count the job table.
/// </summary>
public sealed class JobCounterRecord
{
    public long Id { get; set; }

    /// <summary>See <see cref="JobCounterKeys"/>.</summary>
    public string Key { get; set; } = default!;

    public long Value { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>Aggregated counters (table <c>JobStatistics</c>): per hour, per day and all-time totals.</summary>
public sealed class JobStatisticRecord
{
    public string Key { get; set; } = default!;

    public JobStatisticPeriod Period { get; set; }

    /// <summary>Start of the hour/day (UTC); <see cref="JobStatisticRecord.TotalBucket"/> for totals.</summary>
    public DateTime BucketStart { get; set; }

    public long Value { get; set; }

    public static readonly DateTime TotalBucket = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
}

public enum JobStatisticPeriod
{
    Hour,
    Day,
    Total,
}

public static class JobCounterKeys
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Deleted = "deleted";
    public const string Retried = "retried";
    public const string Abandoned = "abandoned";
}
