using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Users.Commands.ConfirmPasswordReset;

/// <summary>
/// Sets a new password with an emailed token. The token must be the account's newest, unused and unexpired; it is used up
/// by one conditional UPDATE, so two concurrent confirmations cannot both succeed. Every token issued before (sign-in
/// tokens included) stops working. An unknown email, a wrong, used or expired token: the same 422.
/// </summary>
public sealed record ConfirmPasswordResetCommand(string? Email, string? Token, string? Password) : IRequest
{
    public override string ToString() => $"ConfirmPasswordResetCommand {{ Email = {Email} }}";
}

public sealed class ConfirmPasswordResetCommandHandler(IApplicationDbContext db, IIdentityService identity, TimeProvider clock)
    : IRequestHandler<ConfirmPasswordResetCommand, Unit>
{
    public async Task<Unit> Handle(ConfirmPasswordResetCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = await identity.FindIdByEmailAsync(request.Email!.Trim(), cancellationToken) ?? throw InvalidToken();
        var newest = await db
            .PasswordResetTokens.AsNoTracking()
            .Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .ThenByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (newest is null || !newest.IsUsableAt(now) || !PasswordResetTokens.Matches(request.Token!, newest.TokenHash))
        {
            throw InvalidToken();
        }

        await db.InTransactionAsync(
            async ct =>
            {
                var usedUp = await db
                    .PasswordResetTokens.Where(t => t.UserId == userId && t.UsedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct);
                if (usedUp == 0)
                {
                    throw InvalidToken();
                }

                var errors = await identity.SetPasswordAsync(userId, request.Password!);
                if (errors.Count > 0)
                {
                    throw new ValidationException(errors);
                }

                return usedUp;
            },
            cancellationToken
        );
        return Unit.Value;
    }

    private static ValidationException InvalidToken() => new("token", "is invalid or has expired");
}
