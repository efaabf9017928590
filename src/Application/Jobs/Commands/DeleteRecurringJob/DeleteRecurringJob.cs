using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using MediatR;

namespace CleanApp.Application.Jobs.Commands.DeleteRecurringJob;

/// <summary>Removes a recurring job definition; jobs it already created are untouched.</summary>
[Authorize(Policy = JobsPolicies.Operate)]
public sealed record DeleteRecurringJobCommand(string RecurringJobId) : IRequest<bool>;

public sealed class DeleteRecurringJobCommandHandler(IRecurringJobManager recurring, IAuditLog audit)
    : IRequestHandler<DeleteRecurringJobCommand, bool>
{
    public async Task<bool> Handle(DeleteRecurringJobCommand request, CancellationToken cancellationToken)
    {
        var removed = await recurring.RemoveIfExistsAsync(request.RecurringJobId, cancellationToken);
        await audit.WriteAsync(
            "recurring.delete",
            $"recurring {request.RecurringJobId}",
            removed ? "ok" : "skipped: not found",
            cancellationToken
        );
        return removed;
    }
}
