using System.Text;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>A job this server holds a lease on.</summary>
public sealed record ClaimedJob(
    string Id,
    string Kind,
    string Queue,
    string Payload,
    string LeaseToken,
    int Attempt,
    string? IdempotencyKey,
    string? RecurringJobId,
    DateTime StartedAt,
    long LatencyMs
);

/// <summary>
/// The portable claim (JOBS.md): candidate ids by EF LINQ (EF emits LIMIT or TOP per provider), then one conditional
/// UPDATE in parameterized SQL with double-quoted identifiers (valid on SQLite and SQL Server), then the rows carrying
/// the fresh lease token are read back. Competing servers may read the same candidates; the conditional UPDATE lets
/// exactly one of them take each job. The claim's history rows are written in the same short transaction.
/// </summary>
public sealed class JobClaimer(JobStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<ClaimedJob>> ClaimAsync(
        string serverId,
        IReadOnlyList<string> queues,
        int count,
        TimeSpan leaseDuration,
        CancellationToken cancellationToken
    )
    {
        var claimed = new List<ClaimedJob>();
        foreach (var queue in queues)
        {
            if (claimed.Count >= count)
            {
                break;
            }

            claimed.AddRange(await ClaimFromQueueAsync(serverId, queue, count - claimed.Count, leaseDuration, cancellationToken));
        }

        return claimed;
    }

    private Task<List<ClaimedJob>> ClaimFromQueueAsync(
        string serverId,
        string queue,
        int count,
        TimeSpan leaseDuration,
        CancellationToken cancellationToken
    ) =>
        store.RunAsync(
            async db =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var candidates = await db
                    .Jobs.AsNoTracking()
                    .Where(j => j.State == JobState.Enqueued && j.Queue == queue && j.RunAt <= now)
                    .OrderByDescending(j => j.Priority)
                    .ThenBy(j => j.RunAt)
                    .ThenBy(j => j.Id)
                    .Select(j => j.Id)
                    .Take(count)
                    .ToListAsync(cancellationToken);
                if (candidates.Count == 0)
                {
                    return [];
                }

                var token = Guid.NewGuid().ToString("N");
                var sql = new StringBuilder(
                    "UPDATE \"Jobs\" SET \"State\" = {0}, \"LeaseToken\" = {1}, \"LeaseOwner\" = {2}, \"LeaseExpiresAt\" = {3}, "
                        + "\"Attempt\" = \"Attempt\" + 1, \"Version\" = \"Version\" + 1, \"StartedAt\" = {4}, \"StateChangedAt\" = {4}, \"StateReason\" = NULL "
                        + "WHERE \"State\" IN ({5}, {6}) AND \"RunAt\" <= {4} AND \"Id\" IN ("
                );
                var parameters = new List<object>
                {
                    (int)JobState.Processing,
                    token,
                    serverId,
                    now + leaseDuration,
                    now,
                    (int)JobState.Enqueued,
                    (int)JobState.Scheduled,
                };
                for (var i = 0; i < candidates.Count; i++)
                {
                    sql.Append(i == 0 ? "{" : ", {").Append(parameters.Count).Append('}');
                    parameters.Add(candidates[i]);
                }

                sql.Append(')');

                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var updated = await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
                if (updated == 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return [];
                }

                var rows = await db
                    .Jobs.AsNoTracking()
                    .Where(j => candidates.Contains(j.Id) && j.LeaseToken == token)
                    .Select(j => new
                    {
                        j.Id,
                        j.Kind,
                        j.Queue,
                        j.Payload,
                        j.Attempt,
                        j.IdempotencyKey,
                        j.RecurringJobId,
                        j.RunAt,
                    })
                    .ToListAsync(cancellationToken);

                var result = new List<ClaimedJob>(rows.Count);
                foreach (var row in rows)
                {
                    var latency = (long)Math.Max(0, (now - row.RunAt).TotalMilliseconds);
                    result.Add(
                        new ClaimedJob(
                            row.Id,
                            row.Kind,
                            row.Queue,
                            row.Payload,
                            token,
                            row.Attempt,
                            row.IdempotencyKey,
                            row.RecurringJobId,
                            now,
                            latency
                        )
                    );
                    db.JobHistory.Add(
                        new JobHistoryEntry
                        {
                            JobId = row.Id,
                            State = JobState.Processing,
                            Reason = $"Claimed (attempt {row.Attempt})",
                            CreatedAt = now,
                            ServerId = serverId,
                            LatencyMs = latency,
                        }
                    );
                }

                await JobHistoryWriter.FlushAsync(db, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            },
            cancellationToken
        );
}
