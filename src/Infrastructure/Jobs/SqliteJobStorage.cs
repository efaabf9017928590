using Hangfire.Storage.SQLite;
using SQLite;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Hangfire.Storage.SQLite configured around what its source shows (ADR 0020): its queue claim is a read then an update
/// guarded by an in-process lock, so exactly one process may use the file (enforced with an exclusive lock file); a
/// fetched job is hidden only by a timestamp, and a crash leaves it hidden, so the jobs and locks of a dead process are
/// released at start-up, which is safe because no other process can be using the file; connections are opened
/// serialized (FULLMUTEX), because its lock heartbeat shares its owner's connection from a timer thread (issue 79).
/// </summary>
public sealed class SqliteJobStorage : IDisposable
{
    private readonly FileStream _processLock;

    private SqliteJobStorage(FileStream processLock, SQLiteStorage storage)
    {
        _processLock = processLock;
        Storage = storage;
    }

    public SQLiteStorage Storage { get; }

    public static SqliteJobStorage Open(string path, SqliteJobsOptions options)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        FileStream processLock;
        try
        {
            processLock = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"The job store {path} is in use by another process. Hangfire.Storage.SQLite supports one process per file: run one instance, or use Jobs:Storage=SqlServer (ADR 0020).",
                ex
            );
        }

        try
        {
            ReleaseWhatADeadProcessHeld(path);
            var storage = new SQLiteStorage(
                new SQLiteDbConnectionFactory(() => Connect(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create)),
                new SQLiteStorageOptions
                {
                    QueuePollInterval = options.QueuePollInterval,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                    DistributedLockLifetime = options.DistributedLockLifetime,
                    JournalMode = SQLiteStorageOptions.JournalModes.WAL,
                }
            );
            return new SqliteJobStorage(processLock, storage);
        }
        catch
        {
            processLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Storage.Dispose();
        _processLock.Dispose();
    }

    private static SQLiteConnection Connect(string path, SQLiteOpenFlags flags)
    {
        var connection = new SQLiteConnection(path, flags | SQLiteOpenFlags.FullMutex, storeDateTimeAsTicks: true)
        {
            BusyTimeout = TimeSpan.FromSeconds(30),
        };

        // The storage commits each write on its own; with WAL, NORMAL syncs at checkpoints instead of at every one of
        // those commits (safe against a killed process; a power loss may drop the last ones). FULL measured 14 jobs/s.
        connection.ExecuteScalar<string>("PRAGMA synchronous = NORMAL");
        return connection;
    }

    private static void ReleaseWhatADeadProcessHeld(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var connection = Connect(path, SQLiteOpenFlags.ReadWrite);
        var tables = connection.QueryScalars<string>("SELECT name FROM sqlite_master WHERE type = 'table'");
        if (tables.Contains("JobQueue"))
        {
            // FetchedAt = DateTime.MinValue (0 ticks) is the storage's "not fetched".
            connection.Execute("UPDATE JobQueue SET FetchedAt = 0 WHERE FetchedAt <> 0");
        }

        if (tables.Contains("DistributedLock"))
        {
            connection.Execute("DELETE FROM DistributedLock");
        }
    }
}
