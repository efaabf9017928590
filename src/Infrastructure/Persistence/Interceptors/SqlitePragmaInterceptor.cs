using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace CleanApp.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Per-connection SQLite settings (WAL itself is a property of the file, set by the initializer):
/// <c>synchronous=NORMAL</c>, WAL's recommended level: safe against process crashes; a power loss may lose the last
/// commits (docs/jobs.md).
/// <para>
/// Deliberately no <c>busy_timeout</c>: the bundled e_sqlite3 is built without usleep, so SQLite's busy handler sleeps a
/// whole second per retry (measured: a 30 ms lock cost 1,009 ms). Without it, Microsoft.Data.Sqlite retries SQLITE_BUSY
/// itself every ~150 ms until the command timeout (30 s), so "database is locked" still never surfaces; the job engine
/// additionally serializes its own writes in-process (JobStore) so it rarely waits at all.
/// </para>
/// <para>
/// Once per physical connection: Microsoft.Data.Sqlite pools them, and EF Core opens and closes the connection around
/// every query, so running the statement on each open cost a statement per query (issue 12).
/// </para>
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous = NORMAL;";

    private static readonly object Applied = new();

    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !_configured.TryGetValue(handle, out _))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            _configured.AddOrUpdate(handle, Applied);
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (connection is SqliteConnection { Handle: { } handle } && !_configured.TryGetValue(handle, out _))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _configured.AddOrUpdate(handle, Applied);
        }
    }
}
