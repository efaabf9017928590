using CleanApp.Application.Common.Email;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Notifications;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Users.Commands.SendWelcomeEmail;

/// <summary>
/// Background job: greets a newly registered user. The payload is only the user id (a job has no HttpContext); the
/// handler reads the current username and email, so a rename between registration and sending is respected.
/// </summary>
[BackgroundJob("email.welcome", DisplayName = "Send welcome email to user {UserId}")]
public sealed record SendWelcomeEmailCommand(Guid UserId) : IRequest;

public sealed class SendWelcomeEmailCommandHandler(
    IApplicationDbContext db,
    IIdentityService identity,
    IEmailSender email,
    TimeProvider clock,
    ILogger<SendWelcomeEmailCommandHandler> logger
) : IRequestHandler<SendWelcomeEmailCommand, Unit>
{
    public async Task<Unit> Handle(SendWelcomeEmailCommand request, CancellationToken cancellationToken)
    {
        // Check, act, mark (docs/jobs.md): a job retried after a crash between sending and finishing sends nothing new.
        var key = SentEmails.WelcomeKey(request.UserId);
        if (await SentEmails.WasSentAsync(db, key, cancellationToken))
        {
            return Unit.Value;
        }

        var username = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == request.UserId)
            .Select(u => u.Username)
            .SingleOrDefaultAsync(cancellationToken);
        var address = await identity.GetEmailAsync(request.UserId, cancellationToken);
        if (username is null || address is null)
        {
            // The account was deleted before the job ran: nothing to greet, and retrying would not change that.
            logger.LogInformation("Welcome email skipped: user {UserId} no longer exists", request.UserId);
            return Unit.Value;
        }

        var body = $"""
            Hello {username},

            welcome to CleanApp! Your account is ready: sign in with this email address and start writing.

            If you did not create this account, you can ignore this message.
            """;
        await email.SendAsync(new EmailMessage(address, "Welcome to CleanApp", body), cancellationToken);
        await SentEmails.MarkAsync(db, key, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return Unit.Value;
    }
}
