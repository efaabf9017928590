using CleanApp.Infrastructure.Jobs.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Expiration (Succeeded/Deleted jobs and their history after the retention, in batches; Failed only if configured) and
/// counter aggregation (append-only <see cref="JobCounterRecord"/> rows folded into hourly, daily and total buckets).
/// </summary>
public sealed class JobMaintenance(JobStore store, TimeProvider clock, IOptions<JobEngineOptions> options)
{
    private readonly JobEngineOptions _options = options.Value;

    /// <summary>Deletes expired jobs with their history, batch by batch (each batch one short transaction). Returns the number removed.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var batchSize = Math.Clamp(_options.ExpirationBatchSize, 1, 1000);
        for (var round = 0; round < 100; round++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var removed = await store.RunAsync(
                async db =>
                {
                    var ids = await db
                        .Jobs.AsNoTracking()
                        .Where(j => j.ExpiresAt != null && j.ExpiresAt <= now)
                        .OrderBy(j => j.ExpiresAt)
                        .Select(j => j.Id)
                        .Take(batchSize)
                        .ToListAsync(cancellationToken);
                    if (ids.Count == 0)
                    {
                        return (Deleted: 0, Full: false);
                    }

                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    // Re-checks expiry: a job requeued meanwhile has no ExpiresAt any more and stays, with its history.
                    var deleted = await db.Jobs.Where(j => j.ExpiresAt <= now && ids.Contains(j.Id)).ExecuteDeleteAsync(cancellationToken);
                    await db
                        .JobHistory.Where(h => ids.Contains(h.JobId) && !db.Jobs.Any(j => j.Id == h.JobId))
                        .ExecuteDeleteAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return (Deleted: deleted, Full: ids.Count == batchSize);
                },
                cancellationToken
            );

            total += removed.Deleted;
            if (!removed.Full)
            {
                break;
            }
        }

        return total;
    }

    /// <summary>Folds raw counter rows into <see cref="JobStatisticRecord"/> buckets and deletes them, in one short transaction per batch.</summary>
    public async Task<int> AggregateCountersAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        for (var round = 0; round < 20; round++)
        {
            var folded = await store.RunAsync(
                async db =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    var rows = await db.JobCounters.AsNoTracking().OrderBy(c => c.Id).Take(5000).ToListAsync(cancellationToken);
                    if (rows.Count == 0)
                    {
                        return 0;
                    }

                    var increments = rows.SelectMany(r =>
                            new[]
                            {
                                (
                                    r.Key,
                                    Period: JobStatisticPeriod.Hour,
                                    Bucket: new DateTime(
                                        r.CreatedAt.Year,
                                        r.CreatedAt.Month,
                                        r.CreatedAt.Day,
                                        r.CreatedAt.Hour,
                                        0,
                                        0,
                                        DateTimeKind.Utc
                                    ),
                                    r.Value
                                ),
                                (r.Key, Period: JobStatisticPeriod.Day, Bucket: r.CreatedAt.Date.ToUniversalTimeAsIs(), r.Value),
                                (r.Key, Period: JobStatisticPeriod.Total, Bucket: JobStatisticRecord.TotalBucket, r.Value),
                            }
                        )
                        .GroupBy(x => (x.Key, x.Period, x.Bucket))
                        .ToDictionary(g => g.Key, g => g.Sum(x => x.Value));

                    var keys = increments.Keys.Select(k => k.Key).Distinct().ToList();
                    var buckets = increments.Keys.Select(k => k.Bucket).Distinct().ToList();
                    var existing = await db
                        .JobStatistics.Where(s => keys.Contains(s.Key) && buckets.Contains(s.BucketStart))
                        .ToListAsync(cancellationToken);
                    foreach (var ((key, period, bucket), value) in increments)
                    {
                        var statistic = existing.FirstOrDefault(s => s.Key == key && s.Period == period && s.BucketStart == bucket);
                        if (statistic is null)
                        {
                            db.JobStatistics.Add(
                                new JobStatisticRecord
                                {
                                    Key = key,
                                    Period = period,
                                    BucketStart = bucket,
                                    Value = value,
                                }
                            );
                        }
                        else
                        {
                            statistic.Value += value;
                        }
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    var maxId = rows[^1].Id;
                    await db.Database.ExecuteSqlRawAsync("DELETE FROM \"JobCounters\" WHERE \"Id\" <= {0}", [maxId], cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return rows.Count;
                },
                cancellationToken
            );

            total += folded;
            if (folded < 5000)
            {
                break;
            }
        }

        return total;
    }
}

internal static class DateTimeUtcExtensions
{
    public static DateTime ToUniversalTimeAsIs(this DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
