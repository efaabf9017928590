using CleanApp.Application.Common.Email;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Users.Commands.SendPasswordResetEmail;

/// <summary>
/// Background job: issues a reset token for the account and emails it. Without an account (<see cref="UserId"/> null)
/// it does nothing: the request staged it anyway so that both cases cost the request the same. At most one email per
/// account per <see cref="PasswordResetSettings.MinimumInterval"/> (counted from earlier requests, so a retry of this
/// job still sends); a new token makes the older ones useless. The token itself is never stored, only its hash.
/// </summary>
[BackgroundJob("email.password-reset", DisplayName = "Send a password reset email to user {UserId}")]
public sealed record SendPasswordResetEmailCommand(Guid? UserId, DateTime RequestedAt) : IRequest;

public sealed class SendPasswordResetEmailCommandHandler(
    IApplicationDbContext db,
    IIdentityService identity,
    IEmailSender email,
    PasswordResetSettings settings,
    TimeProvider clock,
    ILogger<SendPasswordResetEmailCommandHandler> logger
) : IRequestHandler<SendPasswordResetEmailCommand, Unit>
{
    public async Task<Unit> Handle(SendPasswordResetEmailCommand request, CancellationToken cancellationToken)
    {
        if (request.UserId is not { } userId)
        {
            return Unit.Value;
        }

        var floodFrom = request.RequestedAt - settings.MinimumInterval;
        if (
            await db.PasswordResetTokens.AnyAsync(
                t => t.UserId == userId && t.CreatedAt > floodFrom && t.CreatedAt < request.RequestedAt,
                cancellationToken
            )
        )
        {
            logger.LogInformation("Password reset email for user {UserId} skipped: one was sent moments ago", userId);
            return Unit.Value;
        }

        var username = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => u.Username)
            .SingleOrDefaultAsync(cancellationToken);
        var address = await identity.GetEmailAsync(userId, cancellationToken);
        if (username is null || address is null)
        {
            return Unit.Value;
        }

        var token = PasswordResetTokens.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        db.PasswordResetTokens.Add(PasswordResetToken.Issue(userId, PasswordResetTokens.Hash(token), now, settings.TokenLifetime));
        await db.SaveChangesAsync(cancellationToken);

        var minutes = (int)Math.Round(settings.TokenLifetime.TotalMinutes);
        var body = $"""
            Hello {username},

            someone (hopefully you) asked to reset the password of your CleanApp account.

            Your reset token: {token}

            Open /password-reset?email={Uri.EscapeDataString(address)}&token={token} in the app, or send the token with a new
            password to POST /api/users/password-reset/confirm. It works once, within {minutes} minutes.

            If you did not ask for this, ignore this email: your password stays as it is.
            """;
        await email.SendAsync(new EmailMessage(address, "Reset your CleanApp password", body), cancellationToken);
        return Unit.Value;
    }
}
