using AutoMapper;
using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;

namespace CleanApp.Application.Accounts.Commands.ChangeAccountRoles;

/// <summary>
/// Sets an account's publishing roles to exactly <see cref="Roles"/> plus <c>user</c>, which every account keeps. The last
/// active administrator cannot drop their own <c>admin</c> role (422), so the platform is never left without one.
/// </summary>
[Authorize(Roles = Common.Security.Roles.Admin)]
public sealed record ChangeAccountRolesCommand(string Username) : IRequest<AccountDto>
{
    public IReadOnlyList<string?>? Roles { get; init; }

    public string? Reason { get; init; }
}

public sealed class ChangeAccountRolesCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IIdentityService identity,
    IAuditLog audit,
    TimeProvider clock,
    IConfigurationProvider mapping
) : IRequestHandler<ChangeAccountRolesCommand, AccountDto>
{
    public async Task<AccountDto> Handle(ChangeAccountRolesCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var targetId = await AccountQueries.GetIdAsync(db, request.Username, cancellationToken);
        var roles = request
            .Roles!.Select(r => r!)
            .Append(Roles.User)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        if (
            targetId == currentUser.Id
            && !roles.Contains(Roles.Admin, StringComparer.Ordinal)
            && await AccountQueries.CountActiveAdministratorsAsync(db, now, cancellationToken) <= 1
        )
        {
            throw new ValidationException("roles", "can't drop the admin role of the last administrator");
        }

        await db.InTransactionAsync(
            async ct =>
            {
                await identity.SetRolesAsync(targetId, roles);
                await audit.RecordAsync(
                    AuditActions.ChangeRoles,
                    $"{AuditActions.Account(request.Username)} → {string.Join(", ", roles)}",
                    request.Reason,
                    ct
                );
                return await db.SaveChangesAsync(ct);
            },
            cancellationToken
        );

        return await AccountQueries.GetAsync(db, mapping, targetId, now, cancellationToken);
    }
}
