using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Exports.Commands.DeleteExpiredExports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleanApp.Infrastructure.Exports;

/// <summary>Start-up step: the hourly recurring <see cref="DeleteExpiredExportsCommand"/> (as DailyDigestRegistration).</summary>
public sealed class ExportCleanupRegistration(IServiceScopeFactory scopes) : IHostedService
{
    public const string RecurringJobId = "exports-cleanup";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope
            .ServiceProvider.GetRequiredService<IRecurringJobs>()
            .AddOrUpdate(RecurringJobId, new DeleteExpiredExportsCommand(), "0 * * * *");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
