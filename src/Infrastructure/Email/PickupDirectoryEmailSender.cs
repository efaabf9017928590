using System.Net.Mail;
using CleanApp.Application.Common.Email;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Email;

/// <summary>
/// Writes each message as an RFC 822 <c>.eml</c> file (System.Net.Mail's own serializer) into the pickup folder. The
/// file is written in a private staging folder first and then moved, so a reader never sees a half-written message.
/// </summary>
public sealed class PickupDirectoryEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IEmailSender
{
    public string Directory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(Directory, ".staging", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(staging);
        try
        {
            using (
                var client = new SmtpClient
                {
                    DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                    PickupDirectoryLocation = staging,
                }
            )
            using (var mail = MailMessages.Create(options.Value.From, message))
            {
                await client.SendMailAsync(mail, cancellationToken);
            }

            foreach (var file in System.IO.Directory.EnumerateFiles(staging, "*.eml"))
            {
                File.Move(file, Path.Combine(Directory, Path.GetFileName(file)));
            }
        }
        finally
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }
    }
}

internal static class MailMessages
{
    public static MailMessage Create(string from, EmailMessage message) =>
        new(new MailAddress(from), new MailAddress(message.To))
        {
            Subject = message.Subject,
            Body = message.TextBody,
            IsBodyHtml = false,
            BodyEncoding = System.Text.Encoding.UTF8,
            // Quoted-printable keeps an ASCII body readable in the .eml file (base64 would not).
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
}
