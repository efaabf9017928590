using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using MediatR;

namespace CleanApp.Application.Jobs.Commands.PauseQueue;

/// <summary>Pauses (<see cref="Paused"/> true) or resumes a queue: workers stop or restart claiming its jobs.</summary>
[Authorize(Policy = JobsPolicies.Operate)]
public sealed record PauseQueueCommand(string Queue, bool Paused) : IRequest<bool>;

public sealed class PauseQueueCommandHandler(
    IJobAdministration administration,
    ICurrentUser currentUser,
    IIdentityService identity,
    IAuditLog audit
) : IRequestHandler<PauseQueueCommand, bool>
{
    public async Task<bool> Handle(PauseQueueCommand request, CancellationToken cancellationToken)
    {
        var by = currentUser.Id is { } id ? await identity.GetEmailAsync(id, cancellationToken) ?? id.ToString() : "system";
        var changed = await administration.SetQueuePausedAsync(request.Queue, request.Paused, by, cancellationToken);
        await audit.WriteAsync(
            request.Paused ? "queue.pause" : "queue.resume",
            $"queue {request.Queue}",
            changed ? "ok" : "skipped: no change",
            cancellationToken
        );
        return changed;
    }
}
