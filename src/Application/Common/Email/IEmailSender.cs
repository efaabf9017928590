namespace CleanApp.Application.Common.Email;

/// <summary>
/// Sends one email. The embedded default writes RFC 822 <c>.eml</c> files to a pickup folder (no mail server needed);
/// configuration selects SMTP instead (docs/dashboard.md, "Email"). Called from background jobs, never from a request.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>A plain-text email to one recipient; the sender address comes from configuration (Email:From).</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody);
