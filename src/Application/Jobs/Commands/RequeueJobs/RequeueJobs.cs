using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using MediatR;

namespace CleanApp.Application.Jobs.Commands.RequeueJobs;

/// <summary>
/// Moves jobs (any state) back to Enqueued: the dashboard's "Requeue", and "Enqueue now" for Scheduled, Awaiting and
/// Retries (<see cref="EnqueueNow"/> only changes the reason and the audit action). One audit entry per job.
/// </summary>
[Authorize(Policy = JobsPolicies.Operate)]
public sealed record RequeueJobsCommand(IReadOnlyList<string> JobIds, bool EnqueueNow = false) : IRequest<JobActionResult>;

public sealed class RequeueJobsCommandHandler(IBackgroundJobClient jobs, IAuditLog audit)
    : IRequestHandler<RequeueJobsCommand, JobActionResult>
{
    public async Task<JobActionResult> Handle(RequeueJobsCommand request, CancellationToken cancellationToken)
    {
        var (action, reason) = request.EnqueueNow
            ? ("job.enqueue-now", "Enqueued now from the dashboard")
            : ("job.requeue", "Requeued from the dashboard");
        var applied = 0;
        foreach (var id in request.JobIds.Distinct(StringComparer.Ordinal))
        {
            var ok = await jobs.RequeueAsync(id, reason, cancellationToken);
            applied += ok ? 1 : 0;
            await audit.WriteAsync(action, $"job {id}", ok ? "ok" : "skipped: not found", cancellationToken);
        }

        return new JobActionResult(applied, request.JobIds.Count - applied);
    }
}
