using System.Diagnostics;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Persistence;
using CleanApp.TestSupport;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Users;

/// <summary>The first real job: registering enqueues email.welcome in the same transaction; the engine sends it later.</summary>
public sealed class WelcomeEmailTests
{
    [Test]
    public async Task Registration_produces_the_welcome_email_through_the_job_as_an_eml_file()
    {
        var mail = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"mail-{Guid.NewGuid():N}");
        using var factory = new CleanAppFactory()
            .WithSetting("Email:PickupDirectory", mail)
            .WithSetting("Jobs:PollInterval", "00:00:00.200");
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

            // The job went Enqueued → Processing → Succeeded, and its payload is only the user id.
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var job = await WaitForAsync(
                () => db.Jobs.AsNoTracking().FirstOrDefault(j => j.Kind == "email.welcome" && j.State == JobState.Succeeded),
                TimeSpan.FromSeconds(5)
            );
            Assert.That(job, Is.Not.Null);
            Assert.That(job!.Payload, Does.Contain("userId").And.Not.Contain(user.Email));
            var states = await db
                .JobHistory.AsNoTracking()
                .Where(h => h.JobId == job.Id)
                .OrderBy(h => h.Id)
                .Select(h => h.State)
                .ToListAsync();
            Assert.That(states, Is.EqualTo(new[] { JobState.Enqueued, JobState.Processing, JobState.Succeeded }));
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
            .WithSetting("Email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("Jobs:PollInterval", "00:00:00.200");
        using var client = factory.CreateClient();

        // The SMTP server holds its reply to DATA until the gate opens: the email cannot complete before that.
        var clock = Stopwatch.StartNew();
        var user = await client.RegisterAsync("gated");
        var registered = clock.Elapsed;
        Assert.That(smtp.Messages, Is.Empty, "the request did not wait for the email");

        var received = await smtp.DataReceived.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.That(received.To, Has.Some.Contains(user.Email));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var state = await db.Jobs.AsNoTracking().Where(j => j.Kind == "email.welcome").Select(j => j.State).SingleAsync();
            Assert.That(state, Is.EqualTo(JobState.Processing), "the job is mid-send while the user already has their 201");
        }

        smtp.Gate.SetResult();
        var succeeded = await WaitForAsync(
            () =>
            {
                using var scope = factory.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
                return db.Jobs.AsNoTracking().Any(j => j.Kind == "email.welcome" && j.State == JobState.Succeeded) ? "yes" : null;
            },
            TimeSpan.FromSeconds(15)
        );
        Assert.That(succeeded, Is.EqualTo("yes"));
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
