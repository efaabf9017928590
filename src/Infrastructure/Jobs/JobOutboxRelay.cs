using System.Data.Common;
using System.Threading.Channels;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Hands committed <see cref="JobOutboxEntry"/> rows to Hangfire: right after the commit that wrote them (woken by
/// <see cref="JobOutboxInterceptor"/>), and by a periodic sweep for rows a crash left behind.
/// <para>
/// One row becomes one Hangfire job, whoever relays it: a relayer first claims rows in the application database (a
/// conditional update with a token and an expiry), and the job's creation writes a marker (<see cref="OutboxMarker"/>)
/// into Hangfire's storage as the last step of the job's first state change, so a row that was relayed but not deleted
/// (a crash in between, or a claim that expired) is recognised and never relayed into a second job.
/// </para>
/// </summary>
public sealed partial class JobOutboxRelay(
    IServiceScopeFactory scopes,
    JobStorage storage,
    IBackgroundJobClientV2 client,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<JobOutboxRelay> logger
)
{
    private const int BatchSize = 200;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }
    );
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IBackgroundJobClientV2 Client => client;

    /// <summary>Test seam: runs after a job was created and before its row is deleted (a crash there must not duplicate).</summary>
    internal Action<JobOutboxEntry>? AfterCreate { get; set; }

    public void Wake() => _wake.Writer.TryWrite(true);

    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The sweep interval passed without a wake-up.
            return;
        }

        if (options.Value.OutboxRelayDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.Value.OutboxRelayDelay, cancellationToken);
        }
    }

    /// <summary>Relays every claimable row; returns how many became Hangfire jobs in this call.</summary>
    public async Task<int> RelayPendingAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            while (true)
            {
                var (claimed, relayed) = await RelayBatchAsync(cancellationToken);
                total += relayed;
                if (claimed < BatchSize)
                {
                    return total;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The Hangfire id behind an id <see cref="IJobScheduler"/> returned (or a Hangfire id), relaying first if needed.</summary>
    public async Task<string?> ResolveAsync(string jobId, CancellationToken cancellationToken)
    {
        if (!IsOutboxId(jobId))
        {
            using var connection = storage.GetConnection();
            return TryGetJobData(connection, jobId) is null ? null : jobId;
        }

        if (FindRelayed(jobId) is { } relayed)
        {
            return relayed;
        }

        await RelayPendingAsync(cancellationToken);
        return FindRelayed(jobId);
    }

    public string? FindRelayed(string outboxId)
    {
        using var connection = storage.GetConnection();
        return FindRelayed(connection, outboxId);
    }

    private async Task<(int Claimed, int Relayed)> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db
            .JobOutbox.AsNoTracking()
            .Where(e => e.ClaimedUntil == null || e.ClaimedUntil < now)
            .OrderBy(e => e.CreatedAt)
            .ThenBy(e => e.Id)
            .Select(e => e.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return (0, 0);
        }

        // The claim: only rows nobody else holds; a relayer that dies lets its claim expire and the sweep takes over.
        var token = Guid.NewGuid().ToString("N");
        var until = now + options.Value.OutboxClaimLease;
        await db
            .JobOutbox.Where(e => candidates.Contains(e.Id) && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimToken, token).SetProperty(e => e.ClaimedUntil, until), cancellationToken);
        var claimed = await db
            .JobOutbox.AsNoTracking()
            .Where(e => e.ClaimToken == token)
            .OrderBy(e => e.CreatedAt)
            .ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);

        var done = new List<string>(claimed.Count);
        foreach (var entry in claimed)
        {
            try
            {
                var jobId = Relay(entry);
                AfterCreate?.Invoke(entry);
                done.Add(entry.Id);
                LogRelayed(entry.Kind, entry.Id, jobId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left claimed: the sweep retries it when the claim expires.
                LogRelayFailed(ex, entry.Kind, entry.Id);
            }
        }

        if (done.Count > 0)
        {
            await db.JobOutbox.Where(e => e.ClaimToken == token && done.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        return (candidates.Count, done.Count);
    }

    private string Relay(JobOutboxEntry entry)
    {
        using var connection = storage.GetConnection();
        if (FindRelayed(connection, entry.Id) is { } existing)
        {
            return existing;
        }

        var job = JobDispatcher.CreateJob(
            entry.Kind,
            entry.Payload,
            JobRunOptions.From(
                new JobOptions
                {
                    Queue = entry.Queue,
                    Attempts = entry.Attempts,
                    OnAttemptsExceeded = entry.OnAttemptsExceeded,
                }
            )
        );
        IState state = entry switch
        {
            { ParentId: { } parent } => new AwaitingState(
                ResolveParent(connection, parent),
                new EnqueuedState(),
                entry.ContinuationOption switch
                {
                    ContinuationCondition.OnlyOnDeletedState => Hangfire.JobContinuationOptions.OnlyOnDeletedState,
                    ContinuationCondition.OnAnyFinishedState => Hangfire.JobContinuationOptions.OnAnyFinishedState,
                    _ => Hangfire.JobContinuationOptions.OnlyOnSucceededState,
                }
            ),
            { RunAt: { } at } when at > clock.GetUtcNow().UtcDateTime => new ScheduledState(at),
            _ => new EnqueuedState(),
        };
        return client.Create(job, state, new Dictionary<string, object?> { [OutboxMarker.Parameter] = entry.Id })
            ?? throw new InvalidOperationException($"Hangfire did not create a job for outbox row {entry.Id}.");
    }

    private static string ResolveParent(IStorageConnection connection, string parentId)
    {
        if (!IsOutboxId(parentId))
        {
            return parentId;
        }

        // Rows are relayed in creation order, so a parent staged before its continuation is already in Hangfire.
        return FindRelayed(connection, parentId)
            ?? throw new InvalidOperationException($"The parent job {parentId} has not reached Hangfire yet.");
    }

    private static string? FindRelayed(IStorageConnection connection, string outboxId) =>
        connection.GetAllEntriesFromHash(OutboxMarker.Key(outboxId)) is { } marker
        && marker.TryGetValue(OutboxMarker.JobIdField, out var id)
            ? id
            : null;

    private static JobData? TryGetJobData(IStorageConnection connection, string jobId)
    {
        try
        {
            return connection.GetJobData(jobId);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsOutboxId(string id) => id.Length == JobOutboxEntry.IdLength && id.All(char.IsAsciiHexDigitLower);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Kind} {OutboxId} relayed to Hangfire as {JobId}")]
    private partial void LogRelayed(string kind, string outboxId, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} {OutboxId} could not be relayed to Hangfire; the sweep retries it")]
    private partial void LogRelayFailed(Exception exception, string kind, string outboxId);
}

/// <summary>The relay loop: at start (rows a crash left), whenever a commit staged jobs, and every <c>Jobs:OutboxSweepInterval</c>.</summary>
public sealed partial class JobOutboxRelayService(
    JobOutboxRelay relay,
    IOptions<JobsOptions> options,
    ILogger<JobOutboxRelayService> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await relay.RelayPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
            {
                LogSweepFailed(ex);
            }

            await relay.WaitForWorkAsync(options.Value.OutboxSweepInterval, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job outbox sweep failed; retrying at the next interval")]
    private partial void LogSweepFailed(Exception exception);
}

/// <summary>
/// The relay marker, written by Hangfire's state machine in the same storage transaction that gives a relayed job its
/// first state, after the state's own writes (a global state handler runs after Hangfire's core handlers).
/// </summary>
public sealed class OutboxMarker(string stateName) : IStateHandler
{
    public const string Parameter = "CleanApp.OutboxId";
    public const string JobIdField = "JobId";

    /// <summary>Longer than any row can wait in the outbox: the marker only has to outlive the row.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private static readonly Lock RegistrationLock = new();
    private static bool _registered;

    public string StateName { get; } = stateName;

    public static string Key(string outboxId) => $"cleanapp:outbox:{outboxId}";

    /// <summary>Hangfire's state handlers are process-wide; these carry no per-host state, so registering once is enough.</summary>
    public static void Register()
    {
        lock (RegistrationLock)
        {
            if (_registered)
            {
                return;
            }

            foreach (
                var state in new[] { EnqueuedState.StateName, ScheduledState.StateName, AwaitingState.StateName, DeletedState.StateName }
            )
            {
                GlobalStateHandlers.Handlers.Add(new OutboxMarker(state));
            }

            _registered = true;
        }
    }

    public void Apply(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (
            context.OldStateName is not null
            || context.BackgroundJob.ParametersSnapshot is not { } parameters
            || !parameters.TryGetValue(Parameter, out var raw)
            || SerializationHelper.Deserialize<string>(raw, SerializationOption.User) is not { } outboxId
        )
        {
            return;
        }

        var key = Key(outboxId);
        transaction.SetRangeInHash(key, [new KeyValuePair<string, string>(JobIdField, context.BackgroundJob.Id)]);
        // Every storage CleanApp uses implements the 1.8 transaction API (JobStorageTransaction).
        ((JobStorageTransaction)transaction).ExpireHash(key, Lifetime);
    }

    public void Unapply(ApplyStateContext context, IWriteOnlyTransaction transaction) { }
}

/// <summary>Wakes <see cref="JobOutboxRelay"/> once a save that staged jobs has committed (never on rollback).</summary>
public sealed class JobOutboxInterceptor(JobOutboxRelay relay) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _staged;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _staged = false;

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _staged = false;
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Committed();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _staged = false;

    public Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        _staged = false;
        return Task.CompletedTask;
    }

    private void Track(DbContext? context) =>
        _staged |= context?.ChangeTracker.Entries<JobOutboxEntry>().Any(e => e.State == EntityState.Added) == true;

    private void Saved(DbContext? context)
    {
        if (_staged && context?.Database.CurrentTransaction is null)
        {
            Committed();
        }
    }

    private void Committed()
    {
        if (_staged)
        {
            _staged = false;
            relay.Wake();
        }
    }
}
