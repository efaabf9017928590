using System.Diagnostics;
using CleanApp.Infrastructure.IntegrationTests.Support;
using CleanApp.Infrastructure.Jobs;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>The real Application + Infrastructure composition with the test job kinds, on a temp SQLite file.</summary>
public sealed class JobTestHost : IDisposable
{
    public JobTestHost(params (string Key, string? Value)[] settings)
    {
        Path = InfrastructureHost.NewDatabasePath();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Digest:Enabled"] = "false" };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        Host = new InfrastructureHost(Path, settings: values, configure: s =>
        {
            s.AddJobKindsFrom(typeof(JobTestHost).Assembly);
            // A job has no HttpContext: no current user (the web host's ICurrentUser reads the request).
            s.AddScoped(_ => Moq.Mock.Of<Application.Common.Interfaces.ICurrentUser>());
        });
    }

    public string Path { get; }

    public InfrastructureHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public JobStorage Storage => Services.GetRequiredService<JobStorage>();

    public long Count(Func<Hangfire.Storage.Monitoring.StatisticsDto, long> of) => of(Storage.GetMonitoringApi().GetStatistics());

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        Host.Dispose();
        InfrastructureHost.DeleteDatabase(Path);
    }
}
