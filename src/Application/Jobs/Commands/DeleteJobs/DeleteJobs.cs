using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using MediatR;

namespace CleanApp.Application.Jobs.Commands.DeleteJobs;

/// <summary>Moves jobs to Deleted (a running job's token is cancelled by the engine). One audit entry per job.</summary>
[Authorize(Policy = JobsPolicies.Operate)]
public sealed record DeleteJobsCommand(IReadOnlyList<string> JobIds) : IRequest<JobActionResult>;

public sealed class DeleteJobsCommandHandler(IBackgroundJobClient jobs, IAuditLog audit)
    : IRequestHandler<DeleteJobsCommand, JobActionResult>
{
    public async Task<JobActionResult> Handle(DeleteJobsCommand request, CancellationToken cancellationToken)
    {
        var applied = 0;
        foreach (var id in request.JobIds.Distinct(StringComparer.Ordinal))
        {
            var ok = await jobs.DeleteAsync(id, "Deleted from the dashboard", cancellationToken);
            applied += ok ? 1 : 0;
            await audit.WriteAsync("job.delete", $"job {id}", ok ? "ok" : "skipped: not found or already deleted", cancellationToken);
        }

        return new JobActionResult(applied, request.JobIds.Count - applied);
    }
}
