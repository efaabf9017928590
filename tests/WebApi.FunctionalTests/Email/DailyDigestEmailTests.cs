using CleanApp.Application.Common.Jobs;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Email;

/// <summary>The daily digest: a recurring job from configuration that fans out batches of one email per user with news.</summary>
public sealed class DailyDigestEmailTests
{
    private const string Digest = "email.daily-digest";
    private const string DigestBatch = "email.daily-digest.batch";

    [Test]
    public async Task Triggering_the_digest_emails_each_follower_the_new_articles_of_the_authors_they_follow()
    {
        using var host = new EmailHost(("Email:FanOutBatchSize", "2"));
        var client = host.Client;
        var alice = await client.RegisterAsync("alice");
        var bob = await client.RegisterAsync("bob");
        var quiet = await client.RegisterAsync("quiet");
        var followsAlice = await client.RegisterAsync("reader");
        var followsBoth = await client.RegisterAsync("reader");
        var followsBob = await client.RegisterAsync("reader");
        var followsQuiet = await client.RegisterAsync("reader");
        var followsNobody = await client.RegisterAsync("loner");
        await client.FollowAsync(followsAlice.Token, alice.Username);
        await client.FollowAsync(followsBoth.Token, alice.Username);
        await client.FollowAsync(followsBoth.Token, bob.Username);
        await client.FollowAsync(followsBob.Token, bob.Username);
        await client.FollowAsync(followsQuiet.Token, quiet.Username);

        var alice1 = await client.CreateArticleAsync(alice.Token, title: "Alice one " + Guid.NewGuid().ToString("N")[..6]);
        var alice2 = await client.CreateArticleAsync(alice.Token, title: "Alice two " + Guid.NewGuid().ToString("N")[..6]);
        var bob1 = await client.CreateArticleAsync(bob.Token, title: "Bob one " + Guid.NewGuid().ToString("N")[..6]);

        await host.WithScopeAsync(services =>
        {
            Assert.That(services.GetRequiredService<IRecurringJobs>().Trigger("daily-digest"), Is.Not.Null);
            return Task.CompletedTask;
        });
        await host.WaitForJobsAsync(1 + 2, Digest, DigestBatch);

        var digests = host.Mails().Where(m => m.Subject.StartsWith("Your CleanApp digest for ", StringComparison.Ordinal)).ToList();
        Assert.That(
            digests.Select(m => m.To),
            Is.EquivalentTo(new[] { followsAlice.Email, followsBoth.Email, followsBob.Email }),
            "one digest per follower with news; none for the quiet author's follower or the loner"
        );
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(digests.Select(m => m.Subject), Has.All.EqualTo($"Your CleanApp digest for {today}"));

        string Line(System.Text.Json.Nodes.JsonNode article, TestUser author) =>
            $"- {article["title"].Str()} by {author.Username}: /articles/{article["slug"].Str()}";
        var toAlice = digests.Single(m => m.To.Contains(followsAlice.Email, StringComparison.Ordinal)).Body;
        Assert.That(
            toAlice,
            Does.Contain($"Hello {followsAlice.Username},")
                .And.Contain(Line(alice1, alice))
                .And.Contain(Line(alice2, alice))
                .And.Not.Contain(bob1["title"].Str())
        );
        var toBoth = digests.Single(m => m.To.Contains(followsBoth.Email, StringComparison.Ordinal)).Body;
        Assert.That(toBoth, Does.Contain(Line(alice1, alice)).And.Contain(Line(alice2, alice)).And.Contain(Line(bob1, bob)));
        Assert.That(
            toBoth.IndexOf(Line(alice1, alice), StringComparison.Ordinal),
            Is.LessThan(toBoth.IndexOf(Line(bob1, bob), StringComparison.Ordinal)),
            "oldest first"
        );
        var toBob = digests.Single(m => m.To.Contains(followsBob.Email, StringComparison.Ordinal)).Body;
        Assert.That(toBob, Does.Contain(Line(bob1, bob)).And.Not.Contain(alice1["title"].Str()));

        // Three recipients in batches of two: two batch jobs.
        var batches = HangfireJobs.OfKinds(host.Factory.Services, DigestBatch).Count;
        Assert.That(batches, Is.EqualTo(2));

        // Triggered again the same day: the digest runs, but nobody gets a second one.
        await host.WithScopeAsync(services =>
        {
            Assert.That(services.GetRequiredService<IRecurringJobs>().Trigger("daily-digest"), Is.Not.Null);
            return Task.CompletedTask;
        });
        await host.WaitForJobsAsync(2 + 4, Digest, DigestBatch);
        Assert.That(host.Mails().Count(m => m.Subject.StartsWith("Your CleanApp digest", StringComparison.Ordinal)), Is.EqualTo(3));
    }

    [Test]
    public async Task The_recurring_job_is_registered_with_the_configured_cron_and_zone_even_on_a_web_only_instance()
    {
        using var host = new EmailHost(("Digest:Cron", "30 6 * * 1-5"), ("Digest:TimeZone", "Europe/Berlin"), ("Jobs:Enabled", "false"));
        _ = await host.Client.GetAsync(new Uri("/health/live", UriKind.Relative));

        var recurring = RecurringJobs(host).Single(r => r.Id == "daily-digest");
        Assert.That(recurring.Job.Args[0], Is.EqualTo(Digest));
        Assert.That(recurring.Cron, Is.EqualTo("30 6 * * 1-5"));
        Assert.That(recurring.TimeZoneId, Is.EqualTo("Europe/Berlin"));
        Assert.That(recurring.Error, Is.Null);
        Assert.That(recurring.NextExecution, Is.Not.Null);
    }

    [Test]
    public async Task A_disabled_digest_has_no_recurring_job()
    {
        using var host = new EmailHost(("Digest:Enabled", "false"), ("Jobs:Enabled", "false"));
        _ = await host.Client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(RecurringJobs(host).Select(r => r.Id), Has.None.EqualTo("daily-digest"));
    }

    private static List<Hangfire.Storage.RecurringJobDto> RecurringJobs(EmailHost host)
    {
        using var connection = host.Factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        return Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);
    }
}
