using AutoMapper;
using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Accounts.Commands.SuspendAccount;

/// <summary>
/// Suspends an account (or changes the reason and end of its suspension): it cannot sign in (403 <c>account</c> → <c>is
/// suspended</c>) and every token it holds stops working at its next request (docs/decisions/0030-token-revocation.md).
/// The last active administrator cannot suspend themself (422).
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed record SuspendAccountCommand(string Username) : IRequest<AccountDto>
{
    public string? Reason { get; init; }

    /// <summary>When the suspension ends by itself (UTC, in the future); null keeps it until it is lifted.</summary>
    public DateTime? Until { get; init; }
}

public sealed class SuspendAccountCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IIdentityService identity,
    IAuditLog audit,
    TimeProvider clock,
    IConfigurationProvider mapping
) : IRequestHandler<SuspendAccountCommand, AccountDto>
{
    public async Task<AccountDto> Handle(SuspendAccountCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var targetId = await AccountQueries.GetIdAsync(db, request.Username, cancellationToken);
        if (
            targetId == currentUser.Id
            && await identity.IsInRoleAsync(targetId, Roles.Admin)
            && await AccountQueries.CountActiveAdministratorsAsync(db, now, cancellationToken) <= 1
        )
        {
            throw new ValidationException("account", "can't suspend the last administrator");
        }

        var user = await db.Users.SingleAsync(u => u.Id == targetId, cancellationToken);
        user.Suspend(request.Reason!, request.Until, now);

        await db.InTransactionAsync(
            async ct =>
            {
                await audit.RecordAsync(AuditActions.Suspend, AuditActions.Account(request.Username), request.Reason, ct);
                await identity.RevokeTokensAsync(targetId);
                return await db.SaveChangesAsync(ct);
            },
            cancellationToken
        );

        return await AccountQueries.GetAsync(db, mapping, targetId, now, cancellationToken);
    }
}
