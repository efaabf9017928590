using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanApp.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The transaction counterpart of <see cref="ScopedSaveChangesInterceptorRelay"/>: forwards every call, in registration
/// order, to the scoped <see cref="IDbTransactionInterceptor"/>s of the scope that leased the pooled context.
/// </summary>
public sealed class ScopedTransactionInterceptorRelay : IDbTransactionInterceptor
{
    public static readonly ScopedTransactionInterceptorRelay Instance = new();

    private ScopedTransactionInterceptorRelay() { }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result
    )
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = interceptor.TransactionStarting(connection, eventData, result);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default
    )
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = await interceptor.TransactionStartingAsync(connection, eventData, result, cancellationToken);
        }

        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = interceptor.TransactionStarted(connection, eventData, result);
        }

        return result;
    }

    public async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection,
        TransactionEndEventData eventData,
        DbTransaction result,
        CancellationToken cancellationToken = default
    )
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = await interceptor.TransactionStartedAsync(connection, eventData, result, cancellationToken);
        }

        return result;
    }

    public DbTransaction TransactionUsed(DbConnection connection, TransactionEventData eventData, DbTransaction result)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = interceptor.TransactionUsed(connection, eventData, result);
        }

        return result;
    }

    public async ValueTask<DbTransaction> TransactionUsedAsync(
        DbConnection connection,
        TransactionEventData eventData,
        DbTransaction result,
        CancellationToken cancellationToken = default
    )
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = await interceptor.TransactionUsedAsync(connection, eventData, result, cancellationToken);
        }

        return result;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        Chain(eventData, result, (i, r) => i.TransactionCommitting(transaction, eventData, r));

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default
    ) => ChainAsync(eventData, result, (i, r) => i.TransactionCommittingAsync(transaction, eventData, r, cancellationToken));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Each(eventData, i => i.TransactionCommitted(transaction, eventData));

    public Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    ) => EachAsync(eventData, i => i.TransactionCommittedAsync(transaction, eventData, cancellationToken));

    public InterceptionResult TransactionRollingBack(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result
    ) => Chain(eventData, result, (i, r) => i.TransactionRollingBack(transaction, eventData, r));

    public ValueTask<InterceptionResult> TransactionRollingBackAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default
    ) => ChainAsync(eventData, result, (i, r) => i.TransactionRollingBackAsync(transaction, eventData, r, cancellationToken));

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Each(eventData, i => i.TransactionRolledBack(transaction, eventData));

    public Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    ) => EachAsync(eventData, i => i.TransactionRolledBackAsync(transaction, eventData, cancellationToken));

    public InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        Chain(eventData, result, (i, r) => i.CreatingSavepoint(transaction, eventData, r));

    public ValueTask<InterceptionResult> CreatingSavepointAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default
    ) => ChainAsync(eventData, result, (i, r) => i.CreatingSavepointAsync(transaction, eventData, r, cancellationToken));

    public void CreatedSavepoint(DbTransaction transaction, TransactionEventData eventData) =>
        Each(eventData, i => i.CreatedSavepoint(transaction, eventData));

    public Task CreatedSavepointAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        CancellationToken cancellationToken = default
    ) => EachAsync(eventData, i => i.CreatedSavepointAsync(transaction, eventData, cancellationToken));

    public InterceptionResult RollingBackToSavepoint(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result
    ) => Chain(eventData, result, (i, r) => i.RollingBackToSavepoint(transaction, eventData, r));

    public ValueTask<InterceptionResult> RollingBackToSavepointAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default
    ) => ChainAsync(eventData, result, (i, r) => i.RollingBackToSavepointAsync(transaction, eventData, r, cancellationToken));

    public void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) =>
        Each(eventData, i => i.RolledBackToSavepoint(transaction, eventData));

    public Task RolledBackToSavepointAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        CancellationToken cancellationToken = default
    ) => EachAsync(eventData, i => i.RolledBackToSavepointAsync(transaction, eventData, cancellationToken));

    public InterceptionResult ReleasingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        Chain(eventData, result, (i, r) => i.ReleasingSavepoint(transaction, eventData, r));

    public ValueTask<InterceptionResult> ReleasingSavepointAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default
    ) => ChainAsync(eventData, result, (i, r) => i.ReleasingSavepointAsync(transaction, eventData, r, cancellationToken));

    public void ReleasedSavepoint(DbTransaction transaction, TransactionEventData eventData) =>
        Each(eventData, i => i.ReleasedSavepoint(transaction, eventData));

    public Task ReleasedSavepointAsync(
        DbTransaction transaction,
        TransactionEventData eventData,
        CancellationToken cancellationToken = default
    ) => EachAsync(eventData, i => i.ReleasedSavepointAsync(transaction, eventData, cancellationToken));

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Each(eventData, i => i.TransactionFailed(transaction, eventData));

    public Task TransactionFailedAsync(
        DbTransaction transaction,
        TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default
    ) => EachAsync(eventData, i => i.TransactionFailedAsync(transaction, eventData, cancellationToken));

    private static IEnumerable<IDbTransactionInterceptor> Scoped(DbContext? context) =>
        ApplicationDbContext.ScopedServices<IDbTransactionInterceptor>(context);

    private static InterceptionResult Chain(
        DbContextEventData eventData,
        InterceptionResult result,
        Func<IDbTransactionInterceptor, InterceptionResult, InterceptionResult> call
    )
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = call(interceptor, result);
        }

        return result;
    }

    private static async ValueTask<InterceptionResult> ChainAsync(
        DbContextEventData eventData,
        InterceptionResult result,
        Func<IDbTransactionInterceptor, InterceptionResult, ValueTask<InterceptionResult>> call
    )
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = await call(interceptor, result);
        }

        return result;
    }

    private static void Each(DbContextEventData eventData, Action<IDbTransactionInterceptor> call)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            call(interceptor);
        }
    }

    private static async Task EachAsync(DbContextEventData eventData, Func<IDbTransactionInterceptor, Task> call)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            await call(interceptor);
        }
    }
}
