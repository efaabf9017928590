using CleanApp.Application.Common.Jobs;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>Bound from the <c>Jobs</c> configuration section (docs/jobs.md lists every setting). Tests shrink the timings to milliseconds.</summary>
public sealed class JobEngineOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Run a job server in this process. False = web-only instance: the client and recurring manager still work.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Server name prefix shown on the dashboard; a unique suffix is always appended.</summary>
    public string? ServerName { get; set; }

    /// <summary>Concurrent worker slots in this process (Hangfire: min(5 × cores, 20)).</summary>
    public int Workers { get; set; } = Math.Min(Environment.ProcessorCount * 5, 20);

    /// <summary>
    /// Queues this server processes, in claim order (earlier queues first); empty means just "default". Empty by default
    /// because the configuration binder appends to a pre-filled list (Jobs:Queues:0=mail would give default + mail).
    /// </summary>
    public IList<string> Queues { get; set; } = [];

    /// <summary>How often the fetcher polls when nothing woke it (other processes' enqueues, due jobs).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often due scheduled jobs, recurring jobs and stranded continuations are checked.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A claim is valid this long; heartbeats renew it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(90);

    public TimeSpan ReaperInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A server silent this long is removed from the servers table ("possibly aborted" before that).</summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Expired leases counted before the job is Failed instead of retried (Hangfire loops forever).</summary>
    public int MaxAbandonments { get; set; } = 3;

    /// <summary>On shutdown, running jobs may finish for this long before their tokens are cancelled.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>After cancellation, how long to wait for handlers to unwind before requeueing their jobs anyway.</summary>
    public TimeSpan ShutdownCancelWait { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan SucceededRetention { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan DeletedRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Null (the default): Failed jobs never expire.</summary>
    public TimeSpan? FailedRetention { get; set; }

    public TimeSpan ExpirationInterval { get; set; } = TimeSpan.FromMinutes(5);

    public int ExpirationBatchSize { get; set; } = 500;

    public TimeSpan CounterAggregationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An occurrence later than this is a misfire (the server was down): <see cref="MisfireHandling"/> applies.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Cap on occurrences fired at once by <see cref="MisfireHandling.FireAll"/>.</summary>
    public int MisfireFireAllLimit { get; set; } = 50;
}
