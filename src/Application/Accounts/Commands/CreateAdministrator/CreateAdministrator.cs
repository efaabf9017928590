using AutoMapper;
using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Application.Common.Validation;
using CleanApp.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Accounts.Commands.CreateAdministrator;

/// <summary>
/// The <c>create-admin</c> command-line verb, never an endpoint: makes the account with this email an administrator
/// with this password (creating it, or a public profile for an ops-only account, with <see cref="Username"/> when needed),
/// lifts a suspension it may have and revokes its earlier tokens. The way in for the first administrator, and back in
/// for a locked-out one. Recorded in the audit log with the actor <c>system</c>.
/// </summary>
public sealed record CreateAdministratorCommand(string? Email, string? Password) : IRequest<AccountDto>
{
    /// <summary>Needed only when the email has no public profile yet.</summary>
    public string? Username { get; init; }

    public override string ToString() => $"CreateAdministratorCommand {{ Email = {Email}, Username = {Username} }}";
}

public sealed class CreateAdministratorCommandHandler(
    IApplicationDbContext db,
    IIdentityService identity,
    IAuditLog audit,
    TimeProvider clock,
    IConfigurationProvider mapping
) : IRequestHandler<CreateAdministratorCommand, AccountDto>
{
    public async Task<AccountDto> Handle(CreateAdministratorCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = await identity.FindIdByEmailAsync(email, cancellationToken);
        var profile = userId is { } known ? await db.Users.SingleOrDefaultAsync(u => u.Id == known, cancellationToken) : null;
        if (profile is null)
        {
            await RequireFreeUsernameAsync(request.Username, cancellationToken);
        }

        var id = userId ?? Guid.NewGuid();
        await db.InTransactionAsync(
            async ct =>
            {
                var errors = userId is null
                    ? await identity.CreateUserAsync(id, email, request.Password!)
                    : await identity.SetPasswordAsync(id, request.Password!);
                if (errors.Count > 0)
                {
                    throw new ValidationException(errors);
                }

                if (profile is null)
                {
                    profile = User.Register(id, request.Username!);
                    db.Users.Add(profile);
                }
                else if (profile.IsSuspendedAt(now))
                {
                    profile.LiftSuspension(now);
                }

                await db.SaveChangesAsync(ct);
                var roles = await identity.GetRolesAsync(id);
                await identity.SetRolesAsync(id, [.. roles, Roles.Admin]);
                await audit.RecordAsync(AuditActions.CreateAdmin, AuditActions.Account(profile.Username), "command line", ct);
                return await db.SaveChangesAsync(ct);
            },
            cancellationToken
        );

        return await AccountQueries.GetAsync(db, mapping, id, now, cancellationToken);
    }

    private async Task RequireFreeUsernameAsync(string? username, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            throw new ValidationException("username", "can't be blank (this email has no public profile yet)");
        }

        var normalized = User.Normalize(username);
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == normalized, cancellationToken))
        {
            throw new ConflictException("username", ValidationMessages.Taken);
        }
    }
}
