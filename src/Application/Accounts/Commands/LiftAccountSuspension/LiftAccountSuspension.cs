using AutoMapper;
using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Accounts.Commands.LiftAccountSuspension;

/// <summary>
/// Ends a suspension in force (409 when there is none). The account can sign in again; the tokens it held before the
/// suspension stay revoked.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed record LiftAccountSuspensionCommand(string Username) : IRequest<AccountDto>;

public sealed class LiftAccountSuspensionCommandHandler(
    IApplicationDbContext db,
    IAuditLog audit,
    TimeProvider clock,
    IConfigurationProvider mapping
) : IRequestHandler<LiftAccountSuspensionCommand, AccountDto>
{
    public async Task<AccountDto> Handle(LiftAccountSuspensionCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var targetId = await AccountQueries.GetIdAsync(db, request.Username, cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == targetId, cancellationToken);
        if (!user.IsSuspendedAt(now))
        {
            throw new ConflictException("account", "is not suspended");
        }

        user.LiftSuspension(now);
        await audit.RecordAsync(AuditActions.LiftSuspension, AuditActions.Account(request.Username), reason: null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await AccountQueries.GetAsync(db, mapping, targetId, now, cancellationToken);
    }
}
