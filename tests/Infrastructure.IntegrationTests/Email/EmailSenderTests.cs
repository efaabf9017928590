using CleanApp.Application.Common.Email;
using CleanApp.Infrastructure.Email;
using CleanApp.TestSupport;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.IntegrationTests.Email;

public sealed class EmailSenderTests
{
    [Test]
    public async Task Smtp_sender_delivers_the_message_to_a_real_SMTP_listener_on_loopback()
    {
        await using var server = new LoopbackSmtpServer();
        var options = Options.Create(
            new EmailOptions
            {
                Provider = EmailProvider.Smtp,
                From = "CleanApp <no-reply@cleanapp.test>",
                Smtp = new SmtpSettings
                {
                    Host = "127.0.0.1",
                    Port = server.Port,
                    Timeout = TimeSpan.FromSeconds(10),
                },
            }
        );
        var sender = new SmtpEmailSender(options);

        await sender.SendAsync(
            new EmailMessage("alice@example.com", "Welcome to CleanApp", "Hello alice,\r\n.leading dot stays\r\n"),
            CancellationToken.None
        );

        Assert.That(server.Messages, Has.Count.EqualTo(1));
        var mail = server.Messages[0];
        Assert.Multiple(() =>
        {
            Assert.That(mail.From, Does.Contain("no-reply@cleanapp.test"));
            Assert.That(mail.To, Has.Some.Contains("alice@example.com"));
            Assert.That(mail.Data, Does.Contain("Subject: Welcome to CleanApp"));
            Assert.That(mail.Data, Does.Contain("To: alice@example.com"));
            Assert.That(server.Commands, Has.Some.StartsWith("EHLO"));
            Assert.That(server.Commands, Has.Some.EqualTo("QUIT"));
        });
    }

    [Test]
    public async Task Smtp_sender_surfaces_a_refused_connection_so_the_job_retries()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var sender = new SmtpEmailSender(
            Options.Create(
                new EmailOptions
                {
                    Smtp = new SmtpSettings
                    {
                        Host = "127.0.0.1",
                        Port = port,
                        Timeout = TimeSpan.FromSeconds(5),
                    },
                }
            )
        );

        Assert.That(
            async () => await sender.SendAsync(new EmailMessage("bob@example.com", "x", "y"), CancellationToken.None),
            Throws.InstanceOf<System.Net.Mail.SmtpException>()
        );
    }

    [Test]
    public async Task Pickup_sender_writes_an_RFC_822_eml_file_into_the_configured_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"mail-{Guid.NewGuid():N}");
        try
        {
            var sender = new PickupDirectoryEmailSender(
                Options.Create(new EmailOptions { PickupDirectory = "outbox" }),
                new FakeEnvironment(root)
            );

            await sender.SendAsync(new EmailMessage("carol@example.com", "Welcome to CleanApp", "Hello carol"), CancellationToken.None);

            var files = Directory.GetFiles(Path.Combine(root, "outbox"), "*.eml");
            Assert.That(files, Has.Length.EqualTo(1));
            var text = await File.ReadAllTextAsync(files[0]);
            Assert.Multiple(() =>
            {
                Assert.That(text, Does.Contain("To: carol@example.com"));
                Assert.That(text, Does.Contain("Subject: Welcome to CleanApp"));
                Assert.That(text, Does.Contain("From: \"CleanApp\" <no-reply@cleanapp.local>"));
                Assert.That(text, Does.Match("(?m)^Date: "));
                Assert.That(text, Does.Contain("Hello carol"), "quoted-printable body stays readable");
                Assert.That(Directory.GetDirectories(Path.Combine(root, "outbox", ".staging")), Is.Empty, "staging folders are removed");
            });
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed class FakeEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "CleanApp.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
