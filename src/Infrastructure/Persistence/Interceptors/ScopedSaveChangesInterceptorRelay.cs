using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanApp.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The one save-changes interceptor of the pooled context's options: options of a pooled context are built once, but the
/// registered <see cref="ISaveChangesInterceptor"/>s are scoped (domain events go through the request's mediator into the
/// request's context), so each call is forwarded, in registration order, to those of the scope that leased the context
/// (docs/decisions/0018-dbcontext-pooling.md). A context built outside DI has no scope and no interceptors.
/// </summary>
public sealed class ScopedSaveChangesInterceptorRelay : ISaveChangesInterceptor
{
    public static readonly ScopedSaveChangesInterceptorRelay Instance = new();

    private ScopedSaveChangesInterceptorRelay() { }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = interceptor.SavingChanges(eventData, result);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = await interceptor.SavingChangesAsync(eventData, result, cancellationToken);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = interceptor.SavedChanges(eventData, result);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken = default
    )
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = await interceptor.SavedChangesAsync(eventData, result, cancellationToken);
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            interceptor.SaveChangesFailed(eventData);
        }
    }

    public async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            await interceptor.SaveChangesFailedAsync(eventData, cancellationToken);
        }
    }

    public void SaveChangesCanceled(DbContextEventData eventData)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            interceptor.SaveChangesCanceled(eventData);
        }
    }

    public async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            await interceptor.SaveChangesCanceledAsync(eventData, cancellationToken);
        }
    }

    public InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = interceptor.ThrowingConcurrencyException(eventData, result);
        }

        return result;
    }

    public async ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData,
        InterceptionResult result,
        CancellationToken cancellationToken = default
    )
    {
        foreach (var interceptor in Scoped(eventData.Context))
        {
            result = await interceptor.ThrowingConcurrencyExceptionAsync(eventData, result, cancellationToken);
        }

        return result;
    }

    private static IEnumerable<ISaveChangesInterceptor> Scoped(DbContext? context) =>
        ApplicationDbContext.ScopedServices<ISaveChangesInterceptor>(context);
}
