using System.Net;
using System.Text.Json.Nodes;
using CleanApp.Application.Common.Jobs;
using CleanApp.WebApi.FunctionalTests.Email;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CleanApp.WebApi.FunctionalTests.Publishing;

/// <summary>
/// Scheduled publishing through the real job engine with a moved clock: the application reads a FakeTimeProvider, and
/// Hangfire's scheduler step (a scheduled job whose time has come is enqueued) is run on that clock by
/// <see cref="HangfireJobs.EnqueueDueScheduledJobs"/>, because Hangfire itself compares with the machine's real clock.
/// Everything else (outbox, relay, workers, the fan-out and email jobs) is the host's own.
/// </summary>
public sealed class ScheduledPublishingTests
{
    private const string PublishJob = "articles.publish-scheduled";
    private const string FanOut = "email.article-published";
    private const string Batch = "email.article-published.batch";

    [Test]
    public async Task A_scheduled_article_appears_at_its_time_and_each_follower_is_emailed_once()
    {
        using var world = await World.StartAsync();
        var at = world.Clock.GetUtcNow().AddHours(1);
        var article = await world.Client.WriteArticleAsync(world.Author.Token, publishAt: PublishingHelpers.Iso(at), title: world.Title);
        var slug = article["slug"].Str();
        Assert.That(article["status"].Str(), Is.EqualTo("scheduled"));

        var job = await world.ScheduledJobAsync();
        Assert.That(job.EnqueueAt, Is.EqualTo(at.UtcDateTime).Within(TimeSpan.FromMilliseconds(1)), "a delayed job for the article's time");

        world.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.That(world.RunDueJobs(), Is.Zero, "nothing is due a minute early");
        await world.AssertNotPublicAsync(slug);

        world.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(world.RunDueJobs(), Is.EqualTo(1));
        await HangfireJobs.WaitUntilAsync(() => world.IsPublicAsync(slug), "the article is public");
        await world.Host.WaitForJobsAsync(1 + 1 + 1, PublishJob, FanOut, Batch);

        var front = await world.Client.GetOkAsync("/api/articles?limit=1");
        Assert.That(front.Slugs(), Is.EqualTo(new[] { slug }), "the newest publication heads the list");
        var published = (await world.Client.GetOkAsync($"/api/articles/{slug}"))["article"]!;
        Assert.That(published["status"].Str(), Is.EqualTo("published"));
        Assert.That(published["publishedAt"].Str(), Is.EqualTo(PublishingHelpers.Iso(at.AddMinutes(1))), "published when the job ran");
        Assert.That(world.MailsAboutTheArticle(), Is.EqualTo(new[] { world.Follower.Email }));

        // The job running again (at-least-once) finds the article published: no second publication, no second email.
        await world.RunAgainAsync(job.Id);
        Assert.That(
            (await world.Client.GetOkAsync($"/api/articles/{slug}"))["article"]!["publishedAt"].Str(),
            Is.EqualTo(published["publishedAt"].Str())
        );
        Assert.That(HangfireJobs.OfKinds(world.Host.Factory.Services, FanOut), Has.Count.EqualTo(1));
        Assert.That(world.MailsAboutTheArticle(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Rescheduling_cancels_the_pending_job_and_publishes_at_the_new_time_only()
    {
        using var world = await World.StartAsync();
        var first = world.Clock.GetUtcNow().AddHours(1);
        var second = world.Clock.GetUtcNow().AddHours(2);
        var slug = (await world.Client.WriteArticleAsync(world.Author.Token, publishAt: PublishingHelpers.Iso(first), title: world.Title))[
            "slug"
        ]
            .Str();
        var original = await world.ScheduledJobAsync();

        var response = await world.Client.UpdateArticleAsync(
            world.Author.Token,
            slug,
            new JsonObject { ["publishAt"] = PublishingHelpers.Iso(second) }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await HangfireJobs.WaitUntilAsync(() => Task.FromResult(world.StateOf(original.Id) == "Deleted"), "the first job is deleted");
        var replacement = await world.ScheduledJobAsync();
        Assert.That(replacement.EnqueueAt, Is.EqualTo(second.UtcDateTime).Within(TimeSpan.FromMilliseconds(1)));

        world.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.That(world.RunDueJobs(), Is.Zero, "the first time passes without a job");
        await world.RunAgainAsync(original.Id);
        await world.AssertNotPublicAsync(slug);
        Assert.That(
            (await world.Client.GetOkAsync("/api/user/articles?status=scheduled", world.Author.Token)).Slugs(),
            Is.EqualTo(new[] { slug }),
            "a stale job that runs anyway leaves the new schedule alone"
        );

        world.Clock.Advance(TimeSpan.FromMinutes(60));
        Assert.That(world.RunDueJobs(), Is.EqualTo(1));
        await HangfireJobs.WaitUntilAsync(() => world.IsPublicAsync(slug), "the article is public at the new time");
        await world.Host.WaitForJobsAsync(2 + 1 + 1, PublishJob, FanOut, Batch);
        Assert.That(world.MailsAboutTheArticle(), Is.EqualTo(new[] { world.Follower.Email }));
    }

    [Test]
    public async Task Publishing_early_cancels_the_pending_job()
    {
        using var world = await World.StartAsync();
        var slug = (
            await world.Client.WriteArticleAsync(
                world.Author.Token,
                publishAt: PublishingHelpers.Iso(world.Clock.GetUtcNow().AddHours(1)),
                title: world.Title
            )
        )["slug"]
            .Str();
        var pending = await world.ScheduledJobAsync();

        var published = await world.Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/publish", world.Author.Token);

        Assert.That(published["article"]!["publishedAt"].Str(), Is.EqualTo(PublishingHelpers.Iso(world.Clock.GetUtcNow())));
        await HangfireJobs.WaitUntilAsync(() => Task.FromResult(world.StateOf(pending.Id) == "Deleted"), "the pending job is deleted");
        await world.Host.WaitForJobsAsync(1 + 1, FanOut, Batch);
        Assert.That(world.MailsAboutTheArticle(), Has.Count.EqualTo(1));

        world.Clock.Advance(TimeSpan.FromHours(2));
        Assert.That(world.RunDueJobs(), Is.Zero);
        await world.RunAgainAsync(pending.Id);
        Assert.That(
            (await world.Client.GetOkAsync($"/api/articles/{slug}"))["article"]!["publishedAt"].Str(),
            Is.EqualTo(published["article"]!["publishedAt"].Str())
        );
        Assert.That(HangfireJobs.OfKinds(world.Host.Factory.Services, FanOut), Has.Count.EqualTo(1), "notified once");
        Assert.That(world.MailsAboutTheArticle(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Unpublishing_before_the_time_means_it_never_appears()
    {
        using var world = await World.StartAsync();
        var slug = (
            await world.Client.WriteArticleAsync(
                world.Author.Token,
                publishAt: PublishingHelpers.Iso(world.Clock.GetUtcNow().AddHours(1)),
                title: world.Title
            )
        )["slug"]
            .Str();
        var pending = await world.ScheduledJobAsync();

        var draft = await world.Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/unpublish", world.Author.Token);

        Assert.That(draft["article"]!["status"].Str(), Is.EqualTo("draft"));
        await HangfireJobs.WaitUntilAsync(() => Task.FromResult(world.StateOf(pending.Id) == "Deleted"), "the pending job is deleted");
        world.Clock.Advance(TimeSpan.FromHours(2));
        Assert.That(world.RunDueJobs(), Is.Zero);
        await world.RunAgainAsync(pending.Id);

        await world.AssertNotPublicAsync(slug);
        Assert.That(HangfireJobs.OfKinds(world.Host.Factory.Services, FanOut), Is.Empty, "nobody is told");
        Assert.That(world.MailsAboutTheArticle(), Is.Empty);
    }

    [Test]
    public async Task Followers_are_notified_once_per_article_ever_even_when_it_is_published_again()
    {
        using var world = await World.StartAsync();
        var slug = (await world.Client.CreateArticleAsync(world.Author.Token, title: world.Title))["slug"].Str();
        await world.Host.WaitForJobsAsync(1 + 1, FanOut, Batch);

        await world.Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/unpublish", world.Author.Token);
        await world.Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/publish", world.Author.Token);
        await world.Host.WaitForJobsAsync(2 + 2, FanOut, Batch);

        Assert.That(world.MailsAboutTheArticle(), Is.EqualTo(new[] { world.Follower.Email }));
    }

    /// <summary>A host on a moved clock with an author, a follower, and a unique title to find the emails by.</summary>
    private sealed class World : IDisposable
    {
        private World(EmailHost host, FakeTimeProvider clock, TestUser author, TestUser follower)
        {
            Host = host;
            Clock = clock;
            Author = author;
            Follower = follower;
        }

        public EmailHost Host { get; }

        public FakeTimeProvider Clock { get; }

        public HttpClient Client => Host.Client;

        public TestUser Author { get; }

        public TestUser Follower { get; }

        public string Title { get; } = ConduitHelpers.Unique("Scheduled");

        public static async Task<World> StartAsync()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var host = new EmailHost(f => f.WithServices(s => s.AddSingleton<TimeProvider>(clock)), ("Digest:Enabled", "false"));
            var author = await host.Client.RegisterAsync("author");
            var follower = await host.Client.RegisterAsync("follower");
            await host.Client.FollowAsync(follower.Token, author.Username);
            return new World(host, clock, author, follower);
        }

        public int RunDueJobs() => HangfireJobs.EnqueueDueScheduledJobs(Host.Factory.Services, Clock.GetUtcNow());

        /// <summary>The one publication job that is scheduled now, once the outbox has handed it to Hangfire.</summary>
        public async Task<(string Id, DateTime EnqueueAt)> ScheduledJobAsync()
        {
            await HangfireJobs.WaitUntilAsync(
                () => Task.FromResult(HangfireJobs.Scheduled(Host.Factory.Services, PublishJob).Count == 1),
                "one publication job is scheduled"
            );
            return HangfireJobs.Scheduled(Host.Factory.Services, PublishJob).Single();
        }

        public string StateOf(string jobId) => HangfireJobs.History(Host.Factory.Services, jobId)[^1];

        /// <summary>Runs a job once more, whatever its state (a retry, or a deleted job that ran anyway), and waits for it.</summary>
        public async Task RunAgainAsync(string jobId)
        {
            var runs = HangfireJobs.History(Host.Factory.Services, jobId).Count(s => s == "Succeeded");
            using (var scope = Host.Factory.Services.CreateScope())
            {
                Assert.That(await scope.ServiceProvider.GetRequiredService<IJobScheduler>().RequeueAsync(jobId), Is.True);
            }

            await HangfireJobs.WaitUntilAsync(
                () => Task.FromResult(HangfireJobs.History(Host.Factory.Services, jobId).Count(s => s == "Succeeded") > runs),
                $"job {jobId} ran again"
            );
        }

        public async Task<bool> IsPublicAsync(string slug) =>
            (await Client.SendAsync(HttpMethod.Get, $"/api/articles/{slug}")).StatusCode == HttpStatusCode.OK;

        public async Task AssertNotPublicAsync(string slug)
        {
            Assert.That(await IsPublicAsync(slug), Is.False, "not public yet");
            Assert.That((await Client.GetOkAsync("/api/articles?limit=100")).Slugs(), Does.Not.Contain(slug));
            Assert.That((await Client.GetOkAsync("/api/articles/feed", Follower.Token)).Slugs(), Does.Not.Contain(slug));
        }

        public IReadOnlyList<string> MailsAboutTheArticle() =>
            Host.Mails().Where(m => m.Subject.Contains(Title, StringComparison.Ordinal)).Select(m => m.To).ToList();

        public void Dispose() => Host.Dispose();
    }
}
