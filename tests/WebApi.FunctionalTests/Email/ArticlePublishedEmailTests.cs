using System.Text.Json.Nodes;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Notifications.Commands.SendArticleNotificationBatch;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Email;

/// <summary>Publishing an article emails each follower once, through a fan-out job and batch jobs (Email:FanOutBatchSize).</summary>
public sealed class ArticlePublishedEmailTests
{
    private const string FanOut = "email.article-published";
    private const string Batch = "email.article-published.batch";

    [Test]
    public async Task Publishing_emails_each_follower_once_in_batches_and_nobody_else()
    {
        using var host = new EmailHost(("Email:FanOutBatchSize", "2"), ("Digest:Enabled", "false"));
        var client = host.Client;
        var author = await client.RegisterAsync("author");
        var followers = new List<TestUser>();
        for (var i = 0; i < 5; i++)
        {
            var follower = await client.RegisterAsync("fan");
            await client.FollowAsync(follower.Token, author.Username);
            followers.Add(follower);
        }

        var stranger = await client.RegisterAsync("stranger");
        var article = await client.CreateArticleAsync(
            author.Token,
            title: "Fan out " + Guid.NewGuid().ToString("N")[..8],
            description: "Why batches matter"
        );
        var title = article["title"].Str();
        var slug = article["slug"].Str();

        await host.WaitForJobsAsync(1 + 3, FanOut, Batch);

        var mails = host.Mails().Where(m => m.Subject.Contains(title, StringComparison.Ordinal)).ToList();
        Assert.That(mails.Select(m => m.To), Is.EquivalentTo(followers.Select(f => f.Email)), "exactly one email per follower");
        Assert.That(
            host.Mails().Where(m => m.To.Contains(stranger.Email, StringComparison.Ordinal)).Select(m => m.Subject),
            Has.None.Contains("New article"),
            "a non-follower gets nothing"
        );
        Assert.That(
            host.Mails().Where(m => m.To.Contains(author.Email, StringComparison.Ordinal)).Select(m => m.Subject),
            Has.None.Contains("New article"),
            "the author gets nothing"
        );
        foreach (var mail in mails)
        {
            var follower = followers.Single(f => mail.To.Contains(f.Email, StringComparison.Ordinal));
            Assert.That(mail.Subject, Is.EqualTo($"New article by {author.Username}: {title}"));
            Assert.That(
                mail.Body,
                Does.Contain($"Hello {follower.Username},")
                    .And.Contain($"{author.Username} just published a new article:")
                    .And.Contain(title)
                    .And.Contain("Why batches matter")
                    .And.Contain($"Read it at /articles/{slug}")
            );
        }

        // One fan-out job, ceil(5 / 2) = 3 batch jobs of 2, 2 and 1 followers, numbered by batch index.
        var jobs = HangfireJobs.OfKinds(host.Factory.Services, FanOut, Batch);
        Assert.That(jobs.Count(j => j.Kind == FanOut), Is.EqualTo(1));
        var batches = jobs.Where(j => j.Kind == Batch).Select(j => JsonNode.Parse(j.Payload)!).ToList();
        Assert.That(batches.Select(b => (int)b["batchIndex"]!).Order(), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(batches.Select(b => b["followerIds"]!.AsArray().Count).Order(), Is.EqualTo(new[] { 1, 2, 2 }));
        Assert.That(jobs.Select(j => j.State), Has.All.EqualTo("Succeeded"));
        var sentKeys = await host.WithDbAsync(db =>
            db.Set<Domain.Notifications.SentEmail>().AsNoTracking().Where(e => e.Key.StartsWith("article:")).CountAsync()
        );
        Assert.That(sentKeys, Is.EqualTo(5));
    }

    [Test]
    public async Task Rerunning_a_batch_or_the_fan_out_does_not_resend()
    {
        using var host = new EmailHost(("Email:FanOutBatchSize", "2"), ("Digest:Enabled", "false"));
        var client = host.Client;
        var author = await client.RegisterAsync("author");
        for (var i = 0; i < 3; i++)
        {
            var follower = await client.RegisterAsync("fan");
            await client.FollowAsync(follower.Token, author.Username);
        }

        var title = "Once only " + Guid.NewGuid().ToString("N")[..8];
        await client.CreateArticleAsync(author.Token, title: title);
        await host.WaitForJobsAsync(1 + 2, FanOut, Batch);
        Assert.That(host.Mails().Count(m => m.Subject.Contains(title, StringComparison.Ordinal)), Is.EqualTo(3));

        // Requeue every batch: a retry after a crash between sending and finishing looks the same to the handler.
        var batchIds = HangfireJobs.OfKinds(host.Factory.Services, Batch).Select(j => j.Id).ToList();
        await RequeueAsync(host, batchIds);
        await WaitForSucceededRunsAsync(host, batchIds, 2);
        var succeededRuns = batchIds.Sum(id => HangfireJobs.History(host.Factory.Services, id).Count(s => s == "Succeeded"));
        Assert.That(succeededRuns, Is.EqualTo(2 * batchIds.Count), "each batch ran twice");
        Assert.That(
            host.Mails().Count(m => m.Subject.Contains(title, StringComparison.Ordinal)),
            Is.EqualTo(3),
            "a re-run batch sends nothing new"
        );

        // Re-run the fan-out: its first batches have finished, so it stages them again; they find every email marked.
        var fanOutId = HangfireJobs.OfKinds(host.Factory.Services, FanOut).Single().Id;
        await RequeueAsync(host, [fanOutId]);
        await host.WaitForJobsAsync(1 + 2 + 2, FanOut, Batch);
        Assert.That(
            host.Mails().Count(m => m.Subject.Contains(title, StringComparison.Ordinal)),
            Is.EqualTo(3),
            "nobody got a second email"
        );
    }

    private static Task RequeueAsync(EmailHost host, IEnumerable<string> ids) =>
        host.WithScopeAsync(async services =>
        {
            var jobs = services.GetRequiredService<IJobScheduler>();
            foreach (var id in ids)
            {
                Assert.That(await jobs.RequeueAsync(id), Is.True);
            }
        });

    private static async Task WaitForSucceededRunsAsync(EmailHost host, IReadOnlyList<string> ids, int runs)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!ids.All(id => HangfireJobs.History(host.Factory.Services, id).Count(s => s == "Succeeded") >= runs))
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "the requeued jobs ran again");
            await Task.Delay(50);
        }
    }

    [Test]
    public async Task An_article_deleted_before_the_jobs_run_sends_nothing_and_the_jobs_succeed()
    {
        // No server until the article is gone: the jobs wait in the host's queue meanwhile.
        using var host = new EmailHost(("Email:FanOutBatchSize", "2"), ("Digest:Enabled", "false"), ("Jobs:Enabled", "false"));
        var client = host.Client;
        var author = await client.RegisterAsync("author");
        var follower = await client.RegisterAsync("fan");
        await client.FollowAsync(follower.Token, author.Username);

        var title = "Gone soon " + Guid.NewGuid().ToString("N")[..8];
        var article = await client.CreateArticleAsync(author.Token, title: title);
        var publicId = await host.WithDbAsync(db =>
            db.Articles.AsNoTracking().Where(a => a.Slug == article["slug"].Str()).Select(a => a.PublicId).SingleAsync()
        );
        var deleted = await client.SendAsync(HttpMethod.Delete, $"/api/articles/{article["slug"].Str()}", author.Token);
        Assert.That(deleted.IsSuccessStatusCode, Is.True);

        // A batch staged before the deletion (as if the fan-out had already run) must not send either.
        var followerId = await host.WithDbAsync(db =>
            db.Set<Domain.Users.User>().AsNoTracking().Where(u => u.Username == follower.Username).Select(u => u.Id).SingleAsync()
        );
        await host.WithScopeAsync(async services =>
        {
            services.GetRequiredService<IJobScheduler>().Enqueue(new SendArticleNotificationBatchCommand(publicId, 0, [followerId]));
            await services.GetRequiredService<Infrastructure.Persistence.ApplicationDbContext>().SaveChangesAsync();
        });

        using (host.StartServer())
        {
            await host.WaitForJobsAsync(2, FanOut, Batch);
        }

        var kinds = HangfireJobs.OfKinds(host.Factory.Services, FanOut, Batch).Select(j => j.Kind);
        Assert.That(kinds, Is.EquivalentTo(new[] { FanOut, Batch }), "the fan-out found no article, so it staged no batch");
        Assert.That(host.Mails().Where(m => m.Subject.Contains(title, StringComparison.Ordinal)), Is.Empty);
    }
}
