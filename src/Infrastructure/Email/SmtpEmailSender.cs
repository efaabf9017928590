using System.Net;
using System.Net.Mail;
using CleanApp.Application.Common.Email;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Email;

/// <summary>Sends through the configured SMTP server. A failure throws, so the job's retry policy takes over.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableSsl,
            Timeout = (int)smtp.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        using var mail = MailMessages.Create(options.Value.From, message);
        await client.SendMailAsync(mail, cancellationToken);
    }
}
