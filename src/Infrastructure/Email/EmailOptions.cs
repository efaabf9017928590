namespace CleanApp.Infrastructure.Email;

public enum EmailProvider
{
    /// <summary>Writes <c>.eml</c> files to <see cref="EmailOptions.PickupDirectory"/>: the embedded default, no mail server.</summary>
    Pickup,

    /// <summary>Sends through an SMTP server (System.Net.Mail; MailKit is absent from the package source).</summary>
    Smtp,
}

/// <summary>Bound from the <c>Email</c> section. SMTP credentials come from the environment or user secrets, never appsettings.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public EmailProvider Provider { get; set; } = EmailProvider.Pickup;

    public string From { get; set; } = "CleanApp <no-reply@cleanapp.local>";

    /// <summary>Relative paths are taken from the content root.</summary>
    public string PickupDirectory { get; set; } = "data/mail";

    public SmtpSettings Smtp { get; set; } = new();
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
