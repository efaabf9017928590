using System.Data.Common;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Transactional enqueue, second half: after a save that made jobs runnable has <b>committed</b>, wake the local workers.
/// Registered after the domain-event interceptor, so jobs staged by notification handlers are seen. Inside an explicit
/// transaction the wake-up waits for the commit (see <see cref="JobCommitInterceptor"/>) and never happens on rollback.
/// </summary>
public sealed class JobEnqueuedInterceptor(JobEnqueueTracker tracker) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        tracker.BeforeSave(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        tracker.BeforeSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        tracker.AfterSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        tracker.AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => tracker.Discard();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        tracker.Discard();
        return Task.CompletedTask;
    }
}

/// <summary>Wakes the workers when the explicit transaction that saved runnable jobs commits.</summary>
public sealed class JobCommitInterceptor(JobEnqueueTracker tracker) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => tracker.AfterCommit();

    public override Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        tracker.AfterCommit();
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => tracker.Discard();

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        tracker.Discard();
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => tracker.Discard();

    public override Task TransactionFailedAsync(
        DbTransaction transaction,
        TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        tracker.Discard();
        return Task.CompletedTask;
    }
}

/// <summary>Scoped state shared by the two interceptors above.</summary>
public sealed class JobEnqueueTracker(JobWakeUpSignal signal)
{
    private bool _pendingSave;
    private bool _pendingCommit;

    public void BeforeSave(DbContext? context) =>
        _pendingSave =
            context is not null
            && context
                .ChangeTracker.Entries<JobRecord>()
                .Any(e => e.State is EntityState.Added or EntityState.Modified && e.Entity.State == JobState.Enqueued);

    public void AfterSave(DbContext? context)
    {
        if (!_pendingSave)
        {
            return;
        }

        _pendingSave = false;
        if (context?.Database.CurrentTransaction is null)
        {
            signal.Wake();
        }
        else
        {
            _pendingCommit = true;
        }
    }

    public void AfterCommit()
    {
        if (_pendingCommit)
        {
            _pendingCommit = false;
            signal.Wake();
        }
    }

    public void Discard()
    {
        _pendingSave = false;
        _pendingCommit = false;
    }
}
