using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>The job server hosted in this process (registered only when <c>Jobs:Enabled</c> is true). Work in progress.</summary>
public sealed class JobServer(IOptions<JobEngineOptions> options, ILogger<JobServer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Job server starting with {Workers} workers on queues {Queues}", options.Value.Workers, string.Join(",", options.Value.Queues));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
