using System.Diagnostics;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Persistence;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>
/// Hangfire.Storage.SQLite under load, configured as CleanApp configures it (ADR 0020): many workers in two servers of
/// one process over a few thousand jobs. Every job must run; duplicates (a job run twice) are counted and reported.
/// </summary>
public sealed class SqliteStorageConcurrencyTests
{
    private const int Jobs = 3000;

    [Test]
    public async Task Many_workers_over_thousands_of_jobs_lose_none()
    {
        var run = Guid.NewGuid().ToString("N");
        using var host = new JobTestHost(
            ("Jobs:Storage", "Sqlite"),
            ("Jobs:Workers", "20"),
            ("Jobs:Sqlite:QueuePollInterval", "00:00:00.050"),
            ("Jobs:SchedulePollingInterval", "00:00:01")
        );
        await host.Host.MigrateAsync();
        using (var scope = host.Services.CreateScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            for (var i = 0; i < Jobs; i++)
            {
                jobs.Enqueue(new RecordCommand(run, i));
                if (i % 500 == 499)
                {
                    await db.SaveChangesAsync();
                }
            }
        }

        var clock = Stopwatch.StartNew();
        await host.Host.StartAsync(); // relay + a server of 20 workers
        using var second = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = 20,
                Activator = host.Services.GetRequiredService<JobActivator>(),
                FilterProvider = host.Services.GetRequiredService<Hangfire.Common.IJobFilterProvider>(),
            },
            host.Storage
        );

        await JobTestHost.WaitUntilAsync(() => host.Count(s => s.Succeeded) >= Jobs, TimeSpan.FromMinutes(4), $"{Jobs} jobs succeeded");
        var elapsed = clock.Elapsed;
        var executions = TestJobLog.Of(run);
        var lost = Enumerable.Range(0, Jobs).Count(i => !executions.ContainsKey(i));
        var duplicates = executions.Values.Sum(n => n - 1);
        TestContext.Out.WriteLine(
            $"{Jobs} jobs, 40 workers in 2 servers: {elapsed.TotalSeconds:0.0} s ({Jobs / elapsed.TotalSeconds:0} jobs/s), lost {lost}, duplicates {duplicates}"
        );

        Assert.That(lost, Is.Zero, "every job ran");
        Assert.That(duplicates, Is.Zero, "no job ran twice");
    }
}
