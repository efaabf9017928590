using System.Diagnostics;
using CleanApp.TestSupport;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Users;

/// <summary>The first real job: registering stages email.welcome in the same transaction; Hangfire sends it later.</summary>
public sealed class WelcomeEmailTests
{
    [Test]
    public async Task Registration_produces_the_welcome_email_through_the_job_as_an_eml_file()
    {
        var mail = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"mail-{Guid.NewGuid():N}");
        using var factory = new CleanAppFactory().WithSetting("Email:PickupDirectory", mail);
        using var client = factory.CreateClient();
        try
        {
            var user = await client.RegisterAsync("welcome");

            var file = await WaitForAsync(
                () => Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml").FirstOrDefault() : null,
                TimeSpan.FromSeconds(15)
            );
            Assert.That(file, Is.Not.Null, "an .eml file appears in the pickup folder");
            var text = await File.ReadAllTextAsync(file!);
            Assert.That(
                text,
                Does.Contain($"To: {user.Email}").And.Contain("Subject: Welcome to CleanApp").And.Contain($"Hello {user.Username}")
            );

            // The job went Enqueued → Processing → Succeeded in Hangfire, and its payload is only the user id.
            var job = (await HangfireJobs.WaitForFinishedAsync(factory.Services, 1, "email.welcome")).Single();
            Assert.That(job.Payload, Does.Contain("userId").And.Not.Contain(user.Email));
            Assert.That(HangfireJobs.History(factory.Services, job.Id), Is.EqualTo(new[] { "Enqueued", "Processing", "Succeeded" }));
        }
        finally
        {
            if (Directory.Exists(mail))
            {
                Directory.Delete(mail, recursive: true);
            }
        }
    }

    [Test]
    public async Task Registration_returns_while_the_email_is_still_being_sent()
    {
        await using var smtp = new LoopbackSmtpServer(holdReplies: true);
        using var factory = new CleanAppFactory()
            .WithSetting("Email:Provider", "Smtp")
            .WithSetting("Email:Smtp:Host", "127.0.0.1")
            .WithSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var client = factory.CreateClient();

        // The SMTP server holds its reply to DATA until the gate opens: the email cannot complete before that.
        var clock = Stopwatch.StartNew();
        var user = await client.RegisterAsync("gated");
        var registered = clock.Elapsed;
        Assert.That(smtp.Messages, Is.Empty, "the request did not wait for the email");

        var received = await smtp.DataReceived.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.That(received.To, Has.Some.Contains(user.Email));
        Assert.That(
            HangfireJobs.OfKinds(factory.Services, "email.welcome").Single().State,
            Is.EqualTo("Processing"),
            "the job is mid-send while the user already has their 201"
        );

        smtp.Gate.SetResult();
        await HangfireJobs.WaitForFinishedAsync(factory.Services, 1, "email.welcome");
        Assert.That(smtp.Messages, Has.Count.EqualTo(1));
        TestContext.Out.WriteLine($"POST /api/users returned in {registered.TotalMilliseconds:0} ms while the email was held");
    }

    private static async Task<T?> WaitForAsync<T>(Func<T?> probe, TimeSpan timeout)
        where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        return probe();
    }
}
