using System.Text;
using CleanApp.Infrastructure.Jobs.Storage;
using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Writes the history and counter rows staged in a context as multi-row INSERTs (EF Core 6 issues one command per row
/// on SQLite, and per-command overhead dominated the drain rate). Standard SQL with double-quoted identifiers, valid on
/// SQLite and SQL Server; chunked to stay under SQL Server's 2,100 parameters. Call inside the unit's transaction,
/// before SaveChanges.
/// </summary>
public static class JobHistoryWriter
{
    private const int HistoryRowsPerCommand = 100;

    public static async Task FlushAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var history = db.ChangeTracker.Entries<JobHistoryEntry>().Where(e => e.State == EntityState.Added).ToList();
        foreach (var chunk in history.Chunk(HistoryRowsPerCommand))
        {
            var sql = new StringBuilder(
                "INSERT INTO \"JobHistory\" (\"JobId\", \"State\", \"Reason\", \"CreatedAt\", \"ServerId\", \"WorkerId\", \"ExceptionType\", \"ExceptionMessage\", \"ExceptionDetails\", \"LatencyMs\", \"DurationMs\", \"Data\") VALUES "
            );
            var parameters = new List<object?>();
            for (var i = 0; i < chunk.Length; i++)
            {
                var h = chunk[i].Entity;
                sql.Append(i == 0 ? "(" : ", (");
                AppendValues(
                    sql,
                    parameters,
                    h.JobId,
                    (int)h.State,
                    h.Reason,
                    h.CreatedAt,
                    h.ServerId,
                    h.WorkerId,
                    h.ExceptionType,
                    h.ExceptionMessage,
                    h.ExceptionDetails,
                    h.LatencyMs,
                    h.DurationMs,
                    h.Data
                );
                sql.Append(')');
                chunk[i].State = EntityState.Detached;
            }

            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters!, cancellationToken);
        }

        // Counters: one append-only row per key for the whole unit (Value = the sum), instead of one per job.
        var counters = db.ChangeTracker.Entries<JobCounterRecord>().Where(e => e.State == EntityState.Added).ToList();
        if (counters.Count > 1)
        {
            foreach (var entry in counters)
            {
                entry.State = EntityState.Detached;
            }

            foreach (var group in counters.GroupBy(c => c.Entity.Key, StringComparer.Ordinal))
            {
                db.JobCounters.Add(
                    new JobCounterRecord
                    {
                        Key = group.Key,
                        Value = group.Sum(c => c.Entity.Value),
                        CreatedAt = group.Max(c => c.Entity.CreatedAt),
                    }
                );
            }
        }
    }

    private static void AppendValues(StringBuilder sql, List<object?> parameters, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                sql.Append(", ");
            }

            if (values[i] is null)
            {
                sql.Append("NULL");
            }
            else
            {
                sql.Append('{').Append(parameters.Count).Append('}');
                parameters.Add(values[i]);
            }
        }
    }
}
