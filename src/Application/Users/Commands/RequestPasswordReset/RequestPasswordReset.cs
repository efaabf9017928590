using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Users.Commands.SendPasswordResetEmail;
using MediatR;

namespace CleanApp.Application.Users.Commands.RequestPasswordReset;

/// <summary>
/// Anyone may ask for a password reset by email; the answer is always the same (202), so it tells nobody which emails
/// have accounts. The request does the same work either way, one keyed lookup and one staged job (with the account's id,
/// or none), so its timing tells nothing either; the job sends the email only when there is an account.
/// </summary>
public sealed record RequestPasswordResetCommand(string? Email) : IRequest;

public sealed class RequestPasswordResetCommandHandler(
    IApplicationDbContext db,
    IIdentityService identity,
    IJobScheduler jobs,
    TimeProvider clock
) : IRequestHandler<RequestPasswordResetCommand, Unit>
{
    public async Task<Unit> Handle(RequestPasswordResetCommand request, CancellationToken cancellationToken)
    {
        var userId = await identity.FindIdByEmailAsync(request.Email!.Trim(), cancellationToken);
        jobs.Enqueue(new SendPasswordResetEmailCommand(userId, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
