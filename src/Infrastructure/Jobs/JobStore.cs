using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Short units of work for the engine, each in its own DI scope and DbContext (never the caller's unit of work, never
/// held across a handler). Optimistic conflicts (<see cref="DbUpdateConcurrencyException"/>) are retried from a fresh
/// read, so concurrent servers and dashboard actions serialize on the row's version.
/// </summary>
public sealed class JobStore(IServiceScopeFactory scopeFactory)
{
    public async Task<T> RunAsync<T>(Func<ApplicationDbContext, Task<T>> work, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            try
            {
                return await work(db);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 10)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    public Task RunAsync(Func<ApplicationDbContext, Task> work, CancellationToken cancellationToken = default) =>
        RunAsync(async db =>
        {
            await work(db);
            return true;
        }, cancellationToken);
}
