using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Short units of work for the engine, each in its own DI scope and DbContext (never the caller's unit of work, never
/// held across a handler). Optimistic conflicts (<see cref="DbUpdateConcurrencyException"/>) are retried from a fresh
/// read, so concurrent servers and dashboard actions serialize on the row's version.
/// <para>
/// Within a process the units run one at a time (an async gate): SQLite has a single writer, and waiting on an
/// in-process gate is far cheaper than SQLite's busy-retry sleeps when workers complete jobs concurrently. Units are
/// short (milliseconds) and never nest.
/// </para>
/// </summary>
public sealed class JobStore(IServiceScopeFactory scopeFactory)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<ApplicationDbContext, Task<T>> work, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
                return await work(db);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 10)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    public Task RunAsync(Func<ApplicationDbContext, Task> work, CancellationToken cancellationToken = default) =>
        RunAsync(
            async db =>
            {
                await work(db);
                return true;
            },
            cancellationToken
        );
}
