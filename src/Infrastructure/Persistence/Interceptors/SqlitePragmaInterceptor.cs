using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanApp.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Per-connection SQLite settings (WAL itself is a property of the file, set by the initializer). <c>busy_timeout</c>
/// makes SQLite wait for the writer lock instead of failing ("database is locked" must never surface; writes are kept
/// short so waits are milliseconds); <c>synchronous=NORMAL</c> is the WAL-recommended durability level: safe against
/// process crashes, a power loss may lose the last commits (docs/jobs.md).
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
