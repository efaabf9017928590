using CleanApp.Application.Common.Jobs;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>Scoped; filled by the engine before the command is sent in the job's own scope.</summary>
public sealed class JobExecutionContext : IJobExecutionContext
{
    public bool IsBackgroundJob => JobId is not null;

    public string? JobId { get; set; }

    public string? Kind { get; set; }

    public int Attempt { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? RecurringJobId { get; set; }
}
