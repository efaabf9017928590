using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Data.Sqlite;

namespace CleanApp.WebApi.FunctionalTests.Publishing;

/// <summary>
/// A scheduled publication survives a restart: it is a delayed job in Hangfire's own storage (SQLite file here, as with
/// <c>dotnet run</c>), not a timer in the process. The first host runs no job server at all, so only the second host,
/// started on the same files after the first is gone, can publish the article; real time, a real short delay.
/// </summary>
public sealed class ScheduledPublishingRestartTests
{
    [Test]
    public async Task A_scheduled_article_is_published_by_the_next_process_after_a_restart()
    {
        var mail = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"mail-{Guid.NewGuid():N}");
        using var second = Configure(new CleanAppFactory(), mail);
        var database = $"Data Source={second.DatabasePath}";
        string slug;
        TestUser follower;
        DateTimeOffset publishAt;
        try
        {
            using (
                var first = Configure(new CleanAppFactory(), mail)
                    .WithSetting("ConnectionStrings:Default", database)
                    .WithSetting("Jobs:Enabled", "false")
            )
            {
                using var client = first.CreateClient();
                var author = await client.RegisterAsync("author");
                follower = await client.RegisterAsync("follower");
                await client.FollowAsync(follower.Token, author.Username);
                publishAt = DateTimeOffset.UtcNow.AddSeconds(3);
                slug = (await client.WriteArticleAsync(author.Token, publishAt: PublishingHelpers.Iso(publishAt)))["slug"].Str();
                await HangfireJobs.WaitUntilAsync(
                    () => Task.FromResult(HangfireJobs.Scheduled(first.Services, "articles.publish-scheduled").Count == 1),
                    "the delayed job is in Hangfire's storage"
                );
                Assert.That(
                    (await client.SendAsync(HttpMethod.Get, $"/api/articles/{slug}")).StatusCode,
                    Is.EqualTo(HttpStatusCode.NotFound)
                );
            }

            using var next = second.CreateClient();
            await HangfireJobs.WaitUntilAsync(
                async () => (await next.SendAsync(HttpMethod.Get, $"/api/articles/{slug}")).StatusCode == HttpStatusCode.OK,
                "the second process published the article"
            );

            Assert.That(DateTimeOffset.UtcNow, Is.GreaterThanOrEqualTo(publishAt), "not before its time");
            await HangfireJobs.WaitForFinishedAsync(
                second.Services,
                3,
                "articles.publish-scheduled",
                "email.article-published",
                "email.article-published.batch"
            );
            var mails = Directory
                .GetFiles(mail, "*.eml")
                .Select(File.ReadAllText)
                .Where(m => m.Contains("New article", StringComparison.Ordinal));
            Assert.That(mails.Count(m => m.Contains($"To: {follower.Email}", StringComparison.Ordinal)), Is.EqualTo(1));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(mail))
            {
                Directory.Delete(mail, recursive: true);
            }
        }
    }

    /// <summary>Hangfire on its SQLite file beside the application's database, as in production on SQLite.</summary>
    private static CleanAppFactory Configure(CleanAppFactory factory, string mail) =>
        factory.WithSetting("Jobs:Storage", "Sqlite").WithSetting("Email:PickupDirectory", mail).WithSetting("Digest:Enabled", "false");
}
