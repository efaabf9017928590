using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// The job server hosted in this process (only when <c>Jobs:Enabled</c>): one fetcher claiming up to the free worker
/// slots, handlers run through <see cref="IMediator"/> in a fresh scope each (no connection or transaction held while they
/// run), a heartbeat renewing leases and cancelling jobs deleted meanwhile, a scheduler (due scheduled jobs, recurring
/// jobs, stranded continuations), a reaper (expired leases, silent servers) and maintenance (expiration, counters).
/// Loop pacing uses real delays; every due/lease/recurring decision uses the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class JobServer : IHostedService, IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly JobEngineOptions _options;
    private readonly JobStore _store;
    private readonly JobClaimer _claimer;
    private readonly JobTransitions _transitions;
    private readonly JobKindRegistry _registry;
    private readonly RecurringJobScheduler _recurring;
    private readonly JobMaintenance _maintenance;
    private readonly JobWakeUpSignal _wakeUp;
    private readonly TimeProvider _clock;
    private readonly ILogger<JobServer> _logger;
    private readonly ConcurrentDictionary<string, RunningJob> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _freeWorkers = new();
    private readonly Random _random = new();
    private readonly SemaphoreSlim _slots;
    private Channel<PendingCompletion> _completions = Channel.CreateUnbounded<PendingCompletion>();
    private CancellationTokenSource _stopClaiming = new();
    private CancellationTokenSource _stopBackground = new();
    private readonly List<Task> _loops = [];
    private volatile bool _crashed;
    private Task _completionLoop = Task.CompletedTask;
    private bool _started;
    private Task? _stopping;
    private readonly Lock _stopLock = new();

    public JobServer(
        IServiceScopeFactory scopeFactory,
        IOptions<JobEngineOptions> options,
        JobStore store,
        JobClaimer claimer,
        JobTransitions transitions,
        JobKindRegistry registry,
        RecurringJobScheduler recurring,
        JobMaintenance maintenance,
        JobWakeUpSignal wakeUp,
        TimeProvider clock,
        ILogger<JobServer> logger
    )
    {
        _scopeFactory = scopeFactory;
        _options = options.Value;
        _store = store;
        _claimer = claimer;
        _transitions = transitions;
        _registry = registry;
        _recurring = recurring;
        _maintenance = maintenance;
        _wakeUp = wakeUp;
        _clock = clock;
        _logger = logger;
        var workers = Math.Max(1, _options.Workers);
        _slots = new SemaphoreSlim(workers, workers);
        for (var i = 1; i <= workers; i++)
        {
            _freeWorkers.Enqueue(i);
        }

        var name = string.IsNullOrWhiteSpace(_options.ServerName) ? Environment.MachineName.ToLowerInvariant() : _options.ServerName;
        ServerId = $"{name}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        Queues = _options.Queues.Count > 0 ? [.. _options.Queues.Distinct(StringComparer.Ordinal)] : [JobOptions.DefaultQueue];
    }

    public string ServerId { get; }

    public IReadOnlyList<string> Queues { get; }

    /// <summary>Jobs currently executing in this process.</summary>
    public int RunningCount => _running.Count;

    /// <summary>In-process counters since start (diagnostics and the benchmark).</summary>
    public JobServerStatistics Statistics { get; } = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return;
        }

        _started = true;
        _crashed = false;
        _stopClaiming = new CancellationTokenSource();
        _stopBackground = new CancellationTokenSource();
        await RegisterServerAsync(cancellationToken);
        LogStarting(ServerId, _slots.CurrentCount, string.Join(",", Queues));

        _completions = Channel.CreateUnbounded<PendingCompletion>(new UnboundedChannelOptions { SingleReader = true });
        _completionLoop = Task.Run(() => CompletionLoopAsync(_stopBackground.Token), CancellationToken.None);
        _loops.Add(Task.Run(() => FetchLoopAsync(_stopClaiming.Token), CancellationToken.None));
        _loops.Add(
            Task.Run(
                () => PeriodicLoopAsync("heartbeat", _options.HeartbeatInterval, HeartbeatAsync, _stopBackground.Token),
                CancellationToken.None
            )
        );
        _loops.Add(
            Task.Run(
                () => PeriodicLoopAsync("scheduler", _options.SchedulerInterval, ScheduleAsync, _stopBackground.Token),
                CancellationToken.None
            )
        );
        _loops.Add(
            Task.Run(() => PeriodicLoopAsync("reaper", _options.ReaperInterval, ReapAsync, _stopBackground.Token), CancellationToken.None)
        );
        _loops.Add(
            Task.Run(
                () =>
                    PeriodicLoopAsync(
                        "expiration",
                        _options.ExpirationInterval,
                        ct => _maintenance.ExpireAsync(ct),
                        _stopBackground.Token,
                        runAtStart: false
                    ),
                CancellationToken.None
            )
        );
        _loops.Add(
            Task.Run(
                () =>
                    PeriodicLoopAsync(
                        "counters",
                        _options.CounterAggregationInterval,
                        ct => _maintenance.AggregateCountersAsync(ct),
                        _stopBackground.Token,
                        runAtStart: false
                    ),
                CancellationToken.None
            )
        );
    }

    /// <summary>
    /// Graceful shutdown: stop claiming; let running jobs finish for the grace period; then cancel their tokens, and put
    /// whatever has not finished back to Enqueued without counting the attempt.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        // WebApplication.RunAsync stops and then disposes the host while the first StopAsync may still be in its grace
        // period: DisposeAsync awaits this same task instead of disposing the tokens under it.
        lock (_stopLock)
        {
            if (!_started)
            {
                return _stopping ?? Task.CompletedTask;
            }

            _started = false;
            _stopping = StopCoreAsync(cancellationToken);
            return _stopping;
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        await _stopClaiming.CancelAsync();

        var grace = Task.Delay(_options.ShutdownGracePeriod, cancellationToken);
        await Task.WhenAny(Task.WhenAll(RunningTasks()), grace);

        if (!_running.IsEmpty)
        {
            LogCancellingOnShutdown(_running.Count);
            foreach (var job in _running.Values)
            {
                job.Cancel(JobCancelReason.Shutdown);
            }

            await Task.WhenAny(Task.WhenAll(RunningTasks()), Task.Delay(_options.ShutdownCancelWait, CancellationToken.None));
            foreach (var job in _running.Values)
            {
                // The handler ignored cancellation: requeue under its token; its late completion will be stale.
                await RequeueOnShutdownAsync(job.Claim, CancellationToken.None);
            }
        }

        // Completions of jobs that finished are stored before the writer stops.
        _completions.Writer.TryComplete();
        await _completionLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _stopBackground.CancelAsync();
        await Task.WhenAll(_loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _loops.Clear();
        await RemoveServerAsync();
        LogStopped(ServerId);
    }

    /// <summary>Test hook: the process "dies": loops stop, running jobs are neither completed nor requeued, the server row stays.</summary>
    internal async Task SimulateCrashAsync()
    {
        _crashed = true;
        _started = false;
        await _stopClaiming.CancelAsync();
        await _stopBackground.CancelAsync();
        _completions.Writer.TryComplete();
        foreach (var job in _running.Values)
        {
            job.Cancel(JobCancelReason.Crash);
        }

        await _completionLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Task.WhenAll(_loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _loops.Clear();
    }

    /// <summary>Test hook: renew leases and detect lost ones now.</summary>
    internal Task HeartbeatNowAsync(CancellationToken cancellationToken = default) => HeartbeatAsync(cancellationToken);

    /// <summary>Test hook: run the scheduler once now.</summary>
    internal Task ScheduleNowAsync(CancellationToken cancellationToken = default) => ScheduleAsync(cancellationToken);

    /// <summary>Test hook: run the reaper once now.</summary>
    internal Task ReapNowAsync(CancellationToken cancellationToken = default) => ReapAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);

        _stopClaiming.Dispose();
        _stopBackground.Dispose();
        _slots.Dispose();
    }

    private Task[] RunningTasks() => [.. _running.Values.Select(r => r.Task)];

    private async Task FetchLoopAsync(CancellationToken stopping)
    {
        var backlog = false;
        while (!stopping.IsCancellationRequested)
        {
            var free = 0;
            try
            {
                await _slots.WaitAsync(stopping);
                free = 1;
                if (backlog)
                {
                    // Draining a backlog: let a few more workers finish so one claim serves several of them.
                    await Task.Delay(2, stopping);
                }

                while (_slots.Wait(0))
                {
                    free++;
                }

                var requested = free;
                var claimed = await _claimer.ClaimAsync(
                    ServerId,
                    await ActiveQueuesAsync(stopping),
                    requested,
                    _options.LeaseDuration,
                    stopping
                );
                Statistics.Claimed(claimed.Count);
                foreach (var job in claimed)
                {
                    StartJob(job);
                }

                free = 0;
                if (requested > claimed.Count)
                {
                    _slots.Release(requested - claimed.Count);
                }

                backlog = claimed.Count == requested;
                if (claimed.Count < requested)
                {
                    // Nothing more is due: sleep until a local commit wakes us or the poll interval passes.
                    await _wakeUp.WaitAsync(_options.PollInterval, stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                if (free > 0)
                {
                    _slots.Release(free);
                }

                LogLoopError(ex, "fetcher");
                await Delay(_options.PollInterval, stopping);
            }
        }
    }

    private void StartJob(ClaimedJob claim)
    {
        var worker = _freeWorkers.TryDequeue(out var number) ? number : 0;
        var running = new RunningJob(claim, $"{ServerId}#{worker}", worker);
        _running[claim.Id] = running;
        running.Task = Task.Run(
            async () =>
            {
                try
                {
                    await ExecuteAsync(running);
                }
                finally
                {
                    _running.TryRemove(new KeyValuePair<string, RunningJob>(claim.Id, running));
                    running.Dispose();
                    if (running.WorkerNumber > 0)
                    {
                        _freeWorkers.Enqueue(running.WorkerNumber);
                    }

                    _slots.Release();
                }
            },
            CancellationToken.None
        );
    }

    private async Task ExecuteAsync(RunningJob running)
    {
        var claim = running.Claim;
        var stopwatch = Stopwatch.StartNew();
        JobOutcome outcome;
        try
        {
            if (!_registry.TryGetByKind(claim.Kind, out var descriptor))
            {
                outcome = JobOutcome.Poison($"Unknown job kind '{claim.Kind}'", "UnknownJobKind");
            }
            else if (JobSerializer.TryDeserialize(claim.Payload, descriptor.CommandType, out var error) is not IRequest<Unit> command)
            {
                outcome = JobOutcome.Poison($"The payload cannot be deserialized as {descriptor.Kind}: {error}", "PoisonPayload");
            }
            else
            {
                await using var scope = _scopeFactory.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<JobExecutionContext>();
                context.JobId = claim.Id;
                context.Kind = claim.Kind;
                context.Attempt = claim.Attempt;
                context.IdempotencyKey = claim.IdempotencyKey;
                context.RecurringJobId = claim.RecurringJobId;
                var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                await mediator.Send(command, running.Token);
                outcome = JobOutcome.Succeeded;
            }
        }
        catch (OperationCanceledException) when (running.Token.IsCancellationRequested)
        {
            outcome = JobOutcome.Cancelled(running.CancelReason);
        }
        catch (Exception ex)
        {
            outcome = JobOutcome.Failed(ex);
        }

        stopwatch.Stop();
        if (_crashed)
        {
            return;
        }

        try
        {
            await CompleteAsync(running, outcome, (long)stopwatch.Elapsed.TotalMilliseconds);
        }
        catch (Exception ex)
        {
            // The lease will expire and the reaper will retry the job (at-least-once).
            LogCompletionError(ex, claim.Id);
        }
    }

    /// <summary>Queues the completion for the batch writer and waits until it is stored (or rejected as stale).</summary>
    private Task CompleteAsync(RunningJob running, JobOutcome outcome, long durationMs)
    {
        running.Completing = true;
        var pending = new PendingCompletion(running, outcome, durationMs);
        if (!_completions.Writer.TryWrite(pending))
        {
            return StoreCompletionsAsync([pending]);
        }

        return pending.Done.Task;
    }

    /// <summary>
    /// Stores completions in batches: every completion waiting when the writer wakes goes into one short transaction
    /// (one commit for many jobs is what makes SQLite drain fast). A failing batch is retried job by job.
    /// </summary>
    private async Task CompletionLoopAsync(CancellationToken stopping)
    {
        var reader = _completions.Reader;
        var batch = new List<PendingCompletion>();
        try
        {
            while (await reader.WaitToReadAsync(stopping))
            {
                while (batch.Count < 256 && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                try
                {
                    await StoreCompletionsAsync(batch);
                    Statistics.Completed(batch.Count);
                    batch.ForEach(c => c.Done.TrySetResult());
                }
                catch (Exception) when (batch.Count > 1)
                {
                    foreach (var single in batch)
                    {
                        try
                        {
                            await StoreCompletionsAsync([single]);
                            single.Done.TrySetResult();
                        }
                        catch (Exception ex)
                        {
                            single.Done.TrySetException(ex);
                        }
                    }
                }
                catch (Exception ex)
                {
                    batch.ForEach(c => c.Done.TrySetException(ex));
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: whatever is left is failed below so no worker waits forever.
        }

        while (reader.TryRead(out var left))
        {
            left.Done.TrySetException(new OperationCanceledException("The job server stopped before the completion was stored."));
        }
    }

    private Task StoreCompletionsAsync(IReadOnlyList<PendingCompletion> completions) =>
        _store.RunAsync(async db =>
        {
            var ids = completions.Select(c => c.Running.Claim.Id).ToList();
            var jobs = await db.Jobs.Where(j => ids.Contains(j.Id)).ToDictionaryAsync(j => j.Id, StringComparer.Ordinal);
            var finished = new List<JobRecord>();
            foreach (var (running, outcome, durationMs) in completions.Select(c => (c.Running, c.Outcome, c.DurationMs)))
            {
                var claim = running.Claim;
                if (!jobs.TryGetValue(claim.Id, out var job) || job.State != JobState.Processing || job.LeaseToken != claim.LeaseToken)
                {
                    // Stale completion: the lease was lost (expired and taken over, deleted or requeued meanwhile).
                    LogStaleCompletion(claim.Id, outcome.Kind.ToString(), job?.State.ToString() ?? "(gone)");
                    continue;
                }

                var data = new TransitionData
                {
                    ServerId = ServerId,
                    WorkerId = running.WorkerId,
                    LatencyMs = claim.LatencyMs,
                    DurationMs = durationMs,
                };
                switch (outcome.Kind)
                {
                    case JobOutcomeKind.Succeeded:
                        _transitions.Apply(db, job, JobState.Succeeded, data with { Reason = "Completed" });
                        break;
                    case JobOutcomeKind.Cancelled when outcome.CancelReason == JobCancelReason.Shutdown:
                        job.Attempt = Math.Max(0, job.Attempt - 1);
                        _transitions.Apply(
                            db,
                            job,
                            JobState.Enqueued,
                            data with
                            {
                                Reason = "Server shutting down: requeued, attempt not counted",
                            }
                        );
                        break;
                    case JobOutcomeKind.Poison:
                        _transitions.Apply(
                            db,
                            job,
                            JobState.Failed,
                            data with
                            {
                                Reason = outcome.Reason,
                                ExceptionType = outcome.ExceptionType,
                                ExceptionMessage = outcome.Reason,
                            }
                        );
                        break;
                    default:
                        var exception = outcome.Exception ?? new OperationCanceledException("The job was cancelled.");
                        ApplyFailure(
                            db,
                            job,
                            data with
                            {
                                Exception = exception,
                            },
                            exception.GetType().FullName,
                            JobRetryDecision.TypeChain(exception)
                        );
                        break;
                }

                if (JobTransitions.IsFinal(job.State))
                {
                    finished.Add(job);
                }
            }

            if (finished.Count > 0)
            {
                // One indexed probe for the whole batch; the per-parent release runs only when continuations exist.
                var finishedIds = finished.Select(j => j.Id).ToList();
                var parentsWithChildren = await db
                    .Jobs.AsNoTracking()
                    .Where(j => j.State == JobState.Awaiting && j.ParentId != null && finishedIds.Contains(j.ParentId))
                    .Select(j => j.ParentId!)
                    .Distinct()
                    .ToListAsync();
                foreach (var parent in finished.Where(j => parentsWithChildren.Contains(j.Id)))
                {
                    await _transitions.ReleaseContinuationsAsync(db, parent, CancellationToken.None);
                }
            }

            // One short write transaction for the whole batch: multi-row history insert, then the job updates.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await JobHistoryWriter.FlushAsync(db, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

    private void ApplyFailure(
        CleanApp.Infrastructure.Persistence.ApplicationDbContext db,
        JobRecord job,
        TransitionData data,
        string? exceptionType,
        IReadOnlyList<string> typeChain
    )
    {
        var decision = JobRetryDecision.Decide(job, exceptionType, typeChain, _random);
        var summary = data.Exception is null ? data.Reason : $"{data.Exception.GetType().Name}: {data.Exception.Message}";
        switch (decision.NextState)
        {
            case JobState.Scheduled:
                job.RetryCount++;
                db.JobCounters.Add(
                    new JobCounterRecord
                    {
                        Key = JobCounterKeys.Retried,
                        Value = 1,
                        CreatedAt = _transitions.UtcNow,
                    }
                );
                _transitions.Apply(
                    db,
                    job,
                    JobState.Scheduled,
                    data with
                    {
                        Reason = $"{decision.Reason}: {summary}",
                        Data = JobTransitions.Data(
                            ("retry", job.RetryCount),
                            ("maxRetries", job.MaxRetries),
                            ("delaySeconds", decision.Delay.TotalSeconds)
                        ),
                    },
                    runAt: _transitions.UtcNow + decision.Delay
                );
                break;
            case JobState.Deleted:
                _transitions.Apply(db, job, JobState.Deleted, data with { Reason = $"{decision.Reason}: {summary}" });
                break;
            default:
                _transitions.Apply(db, job, JobState.Failed, data with { Reason = $"{decision.Reason}: {summary}" });
                break;
        }
    }

    private Task RequeueOnShutdownAsync(ClaimedJob claim, CancellationToken cancellationToken) =>
        _store.RunAsync(
            async db =>
            {
                var job = await db.Jobs.FirstOrDefaultAsync(j => j.Id == claim.Id, cancellationToken);
                if (job is null || job.State != JobState.Processing || job.LeaseToken != claim.LeaseToken)
                {
                    return;
                }

                job.Attempt = Math.Max(0, job.Attempt - 1);
                _transitions.Apply(
                    db,
                    job,
                    JobState.Enqueued,
                    new TransitionData { Reason = "Server shutting down: requeued, attempt not counted", ServerId = ServerId }
                );
                await db.SaveChangesAsync(cancellationToken);
            },
            cancellationToken
        );

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await _store.RunAsync(
            async db =>
            {
                var updated = await db.Database.ExecuteSqlRawAsync(
                    "UPDATE \"JobServers\" SET \"HeartbeatAt\" = {0} WHERE \"Id\" = {1}",
                    [now, ServerId],
                    cancellationToken
                );
                if (updated == 0)
                {
                    // Removed by a reaper while this server was silent: register again.
                    db.JobServers.Add(NewServerRecord(now));
                    await db.SaveChangesAsync(cancellationToken);
                }
            },
            cancellationToken
        );

        var running = _running.Values.ToList();
        foreach (var chunk in running.Chunk(200))
        {
            var ids = chunk.Select(r => r.Claim.Id).ToList();
            var sql = new StringBuilder(
                "UPDATE \"Jobs\" SET \"LeaseExpiresAt\" = {0} WHERE \"LeaseOwner\" = {1} AND \"State\" = {2} AND \"Id\" IN ("
            );
            var parameters = new List<object> { now + _options.LeaseDuration, ServerId, (int)JobState.Processing };
            for (var i = 0; i < ids.Count; i++)
            {
                sql.Append(i == 0 ? "{" : ", {").Append(parameters.Count).Append('}');
                parameters.Add(ids[i]);
            }

            sql.Append(')');
            var tokens = await _store.RunAsync(
                async db =>
                {
                    await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
                    return await db
                        .Jobs.AsNoTracking()
                        .Where(j => ids.Contains(j.Id))
                        .Select(j => new
                        {
                            j.Id,
                            j.LeaseToken,
                            j.State,
                        })
                        .ToDictionaryAsync(
                            j => j.Id,
                            j => j.State == JobState.Processing ? j.LeaseToken : null,
                            StringComparer.Ordinal,
                            cancellationToken
                        );
                },
                cancellationToken
            );

            foreach (var job in chunk)
            {
                if (!job.Completing && (!tokens.TryGetValue(job.Claim.Id, out var token) || token != job.Claim.LeaseToken))
                {
                    // Deleted, requeued or taken over while running: stop the handler; its completion will be dropped.
                    LogLeaseLost(job.Claim.Id);
                    job.Cancel(JobCancelReason.LeaseLost);
                }
            }
        }
    }

    private async Task ScheduleAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var promoted = await _store.RunAsync(
            async db =>
            {
                var due = await db
                    .Jobs.Where(j => j.State == JobState.Scheduled && j.RunAt <= now)
                    .OrderBy(j => j.RunAt)
                    .Take(500)
                    .ToListAsync(cancellationToken);
                foreach (var job in due)
                {
                    _transitions.Apply(
                        db,
                        job,
                        JobState.Enqueued,
                        new TransitionData
                        {
                            Reason = job.RetryCount > 0 ? $"Retry {job.RetryCount} due" : "Scheduled time reached",
                            ServerId = ServerId,
                        }
                    );
                }

                await db.SaveChangesAsync(cancellationToken);
                return due.Count;
            },
            cancellationToken
        );

        var fired = await _recurring.RunDueAsync(cancellationToken);
        var released = await ReleaseStrandedContinuationsAsync(cancellationToken);
        if (promoted + fired + released > 0)
        {
            _wakeUp.Wake();
        }
    }

    /// <summary>Awaiting jobs whose parent is already final (a continuation added while its parent was finishing).</summary>
    private async Task<int> ReleaseStrandedContinuationsAsync(CancellationToken cancellationToken)
    {
        var parents = await _store.RunAsync(
            db =>
                (
                    from child in db.Jobs
                    where child.State == JobState.Awaiting
                    join parent in db.Jobs on child.ParentId equals parent.Id
                    where parent.State == JobState.Succeeded || parent.State == JobState.Deleted
                    select parent.Id
                )
                    .Distinct()
                    .OrderBy(id => id)
                    .Take(100)
                    .ToListAsync(cancellationToken),
            cancellationToken
        );

        foreach (var parentId in parents)
        {
            await _store.RunAsync(
                async db =>
                {
                    var parent = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == parentId, cancellationToken);
                    await _transitions.ReleaseContinuationsAsync(db, parent, cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                },
                cancellationToken
            );
        }

        return parents.Count;
    }

    /// <summary>Expired leases → retry policy with an abandonment counted (MaxAbandonments → Failed); silent servers removed.</summary>
    private async Task ReapAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var expired = await _store.RunAsync(
            db =>
                db.Jobs.AsNoTracking()
                    .Where(j => j.State == JobState.Processing && j.LeaseExpiresAt < now)
                    .OrderBy(j => j.LeaseExpiresAt)
                    .Select(j => j.Id)
                    .Take(200)
                    .ToListAsync(cancellationToken),
            cancellationToken
        );

        foreach (var id in expired)
        {
            await _store.RunAsync(
                async db =>
                {
                    var job = await db.Jobs.FirstOrDefaultAsync(
                        j => j.Id == id && j.State == JobState.Processing && j.LeaseExpiresAt < now,
                        cancellationToken
                    );
                    if (job is null)
                    {
                        return;
                    }

                    job.AbandonCount++;
                    db.JobCounters.Add(
                        new JobCounterRecord
                        {
                            Key = JobCounterKeys.Abandoned,
                            Value = 1,
                            CreatedAt = now,
                        }
                    );
                    var data = new TransitionData
                    {
                        Reason = $"Lease expired on server {job.LeaseOwner} (abandonment {job.AbandonCount} of {_options.MaxAbandonments})",
                        ServerId = ServerId,
                        ExceptionType = "JobAbandoned",
                        ExceptionMessage = $"The lease held by {job.LeaseOwner} expired without completion.",
                        Data = JobTransitions.Data(("abandonments", job.AbandonCount), ("previousServer", job.LeaseOwner)),
                    };
                    if (job.AbandonCount >= _options.MaxAbandonments)
                    {
                        _transitions.Apply(
                            db,
                            job,
                            JobState.Failed,
                            data with
                            {
                                Reason = $"Abandoned {job.AbandonCount} times: lease expired on server {job.LeaseOwner}",
                            }
                        );
                    }
                    else
                    {
                        ApplyFailure(db, job, data, "JobAbandoned", ["JobAbandoned"]);
                    }

                    LogAbandoned(id, job.AbandonCount, job.State.ToString());
                    if (JobTransitions.IsFinal(job.State))
                    {
                        await _transitions.ReleaseContinuationsAsync(db, job, cancellationToken);
                    }

                    await db.SaveChangesAsync(cancellationToken);
                },
                cancellationToken
            );
        }

        var silentSince = now - _options.ServerTimeout;
        await _store.RunAsync(
            async db =>
            {
                var silent = await db.JobServers.Where(s => s.HeartbeatAt < silentSince && s.Id != ServerId).ToListAsync(cancellationToken);
                if (silent.Count > 0)
                {
                    db.JobServers.RemoveRange(silent);
                    await db.SaveChangesAsync(cancellationToken);
                    LogServersRemoved(silent.Count);
                }
            },
            cancellationToken
        );

        if (expired.Count > 0)
        {
            _wakeUp.Wake();
        }
    }

    private DateTime _pausedQueuesReadAt = DateTime.MinValue;
    private HashSet<string> _pausedQueues = new(StringComparer.Ordinal);

    private async Task<IReadOnlyList<string>> ActiveQueuesAsync(CancellationToken cancellationToken)
    {
        // Pause flags are read at most once a second (real time): cheap, and an operator's pause applies within a poll.
        if ((DateTime.UtcNow - _pausedQueuesReadAt) > TimeSpan.FromSeconds(1))
        {
            var paused = await _store.RunAsync(
                db => db.JobQueues.AsNoTracking().Where(q => q.IsPaused).Select(q => q.Name).ToListAsync(cancellationToken),
                cancellationToken
            );
            _pausedQueues = new HashSet<string>(paused, StringComparer.Ordinal);
            _pausedQueuesReadAt = DateTime.UtcNow;
        }

        return _pausedQueues.Count == 0 ? Queues : [.. Queues.Where(q => !_pausedQueues.Contains(q))];
    }

    private async Task RegisterServerAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await _store.RunAsync(
            async db =>
            {
                db.JobServers.Add(NewServerRecord(now));
                await db.SaveChangesAsync(cancellationToken);
            },
            cancellationToken
        );
    }

    private JobServerRecord NewServerRecord(DateTime now) =>
        new()
        {
            Id = ServerId,
            HostName = Environment.MachineName,
            Workers = Math.Max(1, _options.Workers),
            Queues = string.Join(",", Queues),
            StartedAt = now,
            HeartbeatAt = now,
        };

    private async Task RemoveServerAsync()
    {
        try
        {
            await _store.RunAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"JobServers\" WHERE \"Id\" = {0}", [ServerId]));
        }
        catch (Exception ex)
        {
            LogLoopError(ex, "shutdown");
        }
    }

    private async Task PeriodicLoopAsync(
        string name,
        TimeSpan interval,
        Func<CancellationToken, Task> work,
        CancellationToken stopping,
        bool runAtStart = true
    )
    {
        if (!runAtStart)
        {
            await Delay(interval, stopping);
        }

        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await work(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogLoopError(ex, name);
            }

            await Delay(interval, stopping);
        }
    }

    private static async Task Delay(TimeSpan interval, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(interval, stopping);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job server {ServerId} starting with {Workers} workers on queues {Queues}")]
    private partial void LogStarting(string serverId, int workers, string queues);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job server {ServerId} stopped")]
    private partial void LogStopped(string serverId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown grace period over: cancelling {Count} running job(s)")]
    private partial void LogCancellingOnShutdown(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job engine {Loop} loop failed; it will run again")]
    private partial void LogLoopError(Exception exception, string loop);

    [LoggerMessage(Level = LogLevel.Error, Message = "Completing job {JobId} failed; its lease will expire and the job will be retried")]
    private partial void LogCompletionError(Exception exception, string jobId);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Stale completion of job {JobId} ({Outcome}) dropped: this worker no longer holds the lease (job is {State})"
    )]
    private partial void LogStaleCompletion(string jobId, string outcome, string state);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Job {JobId} lost its lease (deleted, requeued or taken over): cancelling its handler"
    )]
    private partial void LogLeaseLost(string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} abandoned (lease expired), abandonment {Count}; now {State}")]
    private partial void LogAbandoned(string jobId, int count, string state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} silent job server(s)")]
    private partial void LogServersRemoved(int count);
}

public sealed class JobServerStatistics
{
    private long _claimRounds;
    private long _claimed;
    private long _completionBatches;
    private long _completed;

    public long ClaimRounds => Interlocked.Read(ref _claimRounds);

    public long JobsClaimed => Interlocked.Read(ref _claimed);

    public long CompletionBatches => Interlocked.Read(ref _completionBatches);

    public long JobsCompleted => Interlocked.Read(ref _completed);

    internal void Claimed(int count)
    {
        Interlocked.Increment(ref _claimRounds);
        Interlocked.Add(ref _claimed, count);
    }

    internal void Completed(int count)
    {
        Interlocked.Increment(ref _completionBatches);
        Interlocked.Add(ref _completed, count);
    }
}

internal sealed record PendingCompletion(RunningJob Running, JobOutcome Outcome, long DurationMs)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

internal enum JobCancelReason
{
    None,
    Shutdown,
    LeaseLost,
    Crash,
}

internal enum JobOutcomeKind
{
    Succeeded,
    Failed,
    Poison,
    Cancelled,
}

internal sealed record JobOutcome(
    JobOutcomeKind Kind,
    Exception? Exception = null,
    string? Reason = null,
    string? ExceptionType = null,
    JobCancelReason CancelReason = JobCancelReason.None
)
{
    public static readonly JobOutcome Succeeded = new(JobOutcomeKind.Succeeded);

    public static JobOutcome Failed(Exception exception) => new(JobOutcomeKind.Failed, exception);

    public static JobOutcome Poison(string reason, string exceptionType) =>
        new(JobOutcomeKind.Poison, Reason: reason, ExceptionType: exceptionType);

    public static JobOutcome Cancelled(JobCancelReason reason) => new(JobOutcomeKind.Cancelled, CancelReason: reason);
}

internal sealed class RunningJob(ClaimedJob claim, string workerId, int workerNumber) : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();

    public ClaimedJob Claim { get; } = claim;

    public string WorkerId { get; } = workerId;

    public int WorkerNumber { get; } = workerNumber;

    public Task Task { get; set; } = Task.CompletedTask;

    public CancellationToken Token => _cancellation.Token;

    public JobCancelReason CancelReason { get; private set; }

    /// <summary>The handler returned; its completion is being stored (the heartbeat no longer watches it).</summary>
    public volatile bool Completing;

    public void Cancel(JobCancelReason reason)
    {
        if (CancelReason == JobCancelReason.None)
        {
            CancelReason = reason;
        }

        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Finished meanwhile.
        }
    }

    public void Dispose() => _cancellation.Dispose();
}
