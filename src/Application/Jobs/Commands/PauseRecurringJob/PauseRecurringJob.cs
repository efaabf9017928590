using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using MediatR;

namespace CleanApp.Application.Jobs.Commands.PauseRecurringJob;

/// <summary>Pauses (<see cref="Paused"/> true) or enables a recurring job.</summary>
[Authorize(Policy = JobsPolicies.Operate)]
public sealed record PauseRecurringJobCommand(string RecurringJobId, bool Paused) : IRequest<bool>;

public sealed class PauseRecurringJobCommandHandler(IJobAdministration administration, IAuditLog audit)
    : IRequestHandler<PauseRecurringJobCommand, bool>
{
    public async Task<bool> Handle(PauseRecurringJobCommand request, CancellationToken cancellationToken)
    {
        var changed = await administration.SetRecurringJobPausedAsync(request.RecurringJobId, request.Paused, cancellationToken);
        await audit.WriteAsync(
            request.Paused ? "recurring.pause" : "recurring.enable",
            $"recurring {request.RecurringJobId}",
            changed ? "ok" : "skipped: not found",
            cancellationToken
        );
        return changed;
    }
}
