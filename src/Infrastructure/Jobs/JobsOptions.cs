namespace CleanApp.Infrastructure.Jobs;

public enum JobStorageKind
{
    /// <summary>Hangfire.Storage.SQLite on its own file beside the application's SQLite file: one process only (ADR 0020).</summary>
    Sqlite,

    /// <summary>Hangfire.SqlServer in the application's database, own schema.</summary>
    SqlServer,

    /// <summary>Hangfire.InMemory: tests and throw-away runs; nothing survives the process.</summary>
    InMemory,
}

/// <summary>Bound from the <c>Jobs</c> section (docs/jobs.md lists every key).</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Null: SqlServer when <c>Database:Provider</c> is SqlServer, else Sqlite.</summary>
    public JobStorageKind? Storage { get; set; }

    /// <summary>Run a Hangfire server in this process. False = web-only instance: enqueueing and the dashboard still work.</summary>
    public bool Enabled { get; set; } = true;

    public string? ServerName { get; set; }

    /// <summary>Hangfire's default: min(5 × cores, 20).</summary>
    public int Workers { get; set; } = Math.Min(Environment.ProcessorCount * 5, 20);

    /// <summary>Queues this server processes, in priority order; empty = every queue a job kind names, then "default".</summary>
    public IList<string> Queues { get; set; } = [];

    /// <summary>How often due scheduled jobs, retries and recurring jobs are checked (Hangfire's default is 15 s).</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan OutboxSweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After a commit wakes the relay, wait this long to collect more rows per relay pass (0: relay at once). The crash
    /// test sets it to an hour to hold a committed job between commit and relay when it kills the process.
    /// </summary>
    public TimeSpan OutboxRelayDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long a relayer holds outbox rows it claimed; a dead relayer's rows are taken over after it.</summary>
    public TimeSpan OutboxClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    public SqliteJobsOptions Sqlite { get; set; } = new();

    public SqlServerJobsOptions SqlServer { get; set; } = new();
}

public sealed class SqliteJobsOptions
{
    /// <summary>Null: <c>{application database}.hangfire.db</c> in the same folder. Relative paths are under the content root.</summary>
    public string? Path { get; set; }

    /// <summary>Workers poll the queue this often when idle (the storage has no wake-up signal).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// A fetched job becomes visible again after this long, even if its worker is still running it: keep it far above
    /// the longest job. Jobs a crashed process held are released at start-up instead (ADR 0020).
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Long, so the lock heartbeat (every fifth of it) rarely runs beside its owner (issue 79, ADR 0020).</summary>
    public TimeSpan DistributedLockLifetime { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class SqlServerJobsOptions
{
    public string Schema { get; set; } = "HangFire";
}
