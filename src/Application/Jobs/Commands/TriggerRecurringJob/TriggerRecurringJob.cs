using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using MediatR;

namespace CleanApp.Application.Jobs.Commands.TriggerRecurringJob;

/// <summary>Runs a recurring job once now; its next scheduled execution does not move. Returns the new job id, or null.</summary>
[Authorize(Policy = JobsPolicies.Operate)]
public sealed record TriggerRecurringJobCommand(string RecurringJobId) : IRequest<string?>;

public sealed class TriggerRecurringJobCommandHandler(IRecurringJobManager recurring, IAuditLog audit)
    : IRequestHandler<TriggerRecurringJobCommand, string?>
{
    public async Task<string?> Handle(TriggerRecurringJobCommand request, CancellationToken cancellationToken)
    {
        var jobId = await recurring.TriggerAsync(request.RecurringJobId, cancellationToken);
        await audit.WriteAsync(
            "recurring.trigger",
            $"recurring {request.RecurringJobId}",
            jobId is null ? "skipped: not found" : $"ok: job {jobId}",
            cancellationToken
        );
        return jobId;
    }
}
