using System.Net;
using System.Text.Json.Nodes;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Data.Sqlite;

namespace CleanApp.WebApi.FunctionalTests.Platform.Upgrade;

/// <summary>
/// A database created and filled by the previous release (Release1: made by build/make-upgrade-fixture.sh from commit
/// 64ac57d, EF Core 6) is upgraded in place by this release at start-up, and nothing is lost: every account signs in
/// with its password, the tokens that release issued still authenticate, every article, comment, favorite and follow is
/// still there; the jobs it left queued in its own engine's tables run on Hangfire after the upgrade (welcome emails,
/// follower notifications). The fixture file is copied, never changed.
/// </summary>
[NonParallelizable]
public sealed class UpgradeFromPreviousReleaseTests
{
    private static readonly string FixtureFolder = Path.Combine(AppContext.BaseDirectory, "Platform", "Upgrade", "Release1");

    private CleanAppFactory _factory = null!;
    private HttpClient _client = null!;
    private JsonNode _manifest = null!;
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"mail-{Guid.NewGuid():N}");

    [OneTimeSetUp]
    public async Task UpgradeACopyOfThePreviousReleaseDatabase()
    {
        _manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(FixtureFolder, "manifest.json")))!;
        _factory = new CleanAppFactory().WithSetting("Email:PickupDirectory", _mail).WithSetting("Digest:Enabled", "false");
        File.Copy(Path.Combine(FixtureFolder, "cleanapp.db"), _factory.DatabasePath);
        _client = _factory.CreateClient(); // starts the host: migrate on start-up upgrades the copy
        var ready = await _client.GetAsync("/health/ready");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ready.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        if (Directory.Exists(_mail))
        {
            Directory.Delete(_mail, recursive: true);
        }
    }

    private IEnumerable<JsonNode> Users => _manifest["users"]!.AsArray().Select(u => u!);

    [Test]
    public async Task The_old_migrations_stay_in_the_history_and_the_new_ones_are_applied_on_top()
    {
        var history = await QueryAsync("SELECT MigrationId || ' ' || ProductVersion FROM __EFMigrationsHistory ORDER BY MigrationId");

        Assert.Multiple(() =>
        {
            Assert.That(history[0], Is.EqualTo("20261121110243_Initial 6.0.7"));
            Assert.That(history[1], Is.EqualTo("20261121110322_JobClaimIndex 6.0.7"));
            Assert.That(history.Skip(2), Is.Not.Empty.And.All.EndsWith(" 10.0.15"));
        });
    }

    [Test]
    public async Task Every_account_signs_in_with_its_password()
    {
        foreach (var user in Users)
        {
            var response = await _client.SendAsync(
                HttpMethod.Post,
                "/api/users/login",
                body: new { user = new { email = (string)user["email"]!, password = (string)user["password"]! } }
            );

            var body = await response.ReadJsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            Assert.That((string)body!["user"]!["username"]!, Is.EqualTo((string)user["username"]!));
        }
    }

    [Test]
    public async Task A_token_issued_before_the_upgrade_still_authenticates()
    {
        foreach (var user in Users)
        {
            var response = await _client.SendAsync(HttpMethod.Get, "/api/user", (string)user["token"]!);

            var body = await response.ReadJsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            Assert.That((string)body!["user"]!["email"]!, Is.EqualTo((string)user["email"]!));
        }
    }

    [Test]
    public async Task Every_row_is_still_there()
    {
        var counts = _manifest["counts"]!;
        foreach (var table in new[] { "Articles", "Comments", "Favorites", "Follows" })
        {
            var expected = (int)counts[char.ToLowerInvariant(table[0]) + table[1..]]!;
            Assert.That(await CountAsync(table), Is.EqualTo(expected), table);
        }

        Assert.That(await CountAsync("AspNetUsers"), Is.EqualTo((int)counts["users"]!));
        Assert.That(await CountAsync("DataProtectionKeys"), Is.GreaterThanOrEqualTo((int)counts["dataProtectionKeys"]!));
    }

    [Test]
    public async Task Articles_comments_favorites_and_follows_read_back_as_the_previous_release_wrote_them()
    {
        var ben = (string)Users.Single(u => (string)u["username"]! == "ben")["token"]!;
        var slugs = _manifest["slugs"]!.AsArray().Select(s => (string)s!).ToArray();

        var dragon = (await (await _client.SendAsync(HttpMethod.Get, $"/api/articles/{slugs[0]}", ben)).ReadJsonAsync())!["article"]!;
        var unicode = (await (await _client.SendAsync(HttpMethod.Get, $"/api/articles/{Uri.EscapeDataString(slugs[1])}")).ReadJsonAsync())![
            "article"
        ]!;
        var comments = (await (await _client.SendAsync(HttpMethod.Get, $"/api/articles/{slugs[0]}/comments")).ReadJsonAsync())![
            "comments"
        ]!;
        var feed = (await (await _client.SendAsync(HttpMethod.Get, "/api/articles/feed", ben)).ReadJsonAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That((string)dragon["title"]!, Is.EqualTo("How to train your dragon"));
            Assert.That(dragon["tagList"]!.AsArray().Select(t => (string)t!), Is.EqualTo(new[] { "dragons", "training" }));
            Assert.That((int)dragon["favoritesCount"]!, Is.EqualTo(2));
            Assert.That((bool)dragon["favorited"]!, Is.True);
            Assert.That((bool)dragon["author"]!["following"]!, Is.True);
            Assert.That((string)dragon["author"]!["bio"]!, Is.EqualTo("I write about dragons"));
            Assert.That((string)unicode["title"]!, Is.EqualTo("Ünïcödé and emoji 🐉"));
            Assert.That((string)unicode["body"]!, Is.EqualTo("Line one\nLine two"));
            Assert.That(
                comments.AsArray().Select(c => (string)c!["body"]!),
                Is.EquivalentTo(new[] { "Thank you so much!", "Second comment" })
            );
            Assert.That((int)feed["articlesCount"]!, Is.EqualTo(2), "ben follows ann, who wrote two articles");
        });
    }

    [Test]
    public async Task The_jobs_the_previous_release_left_queued_run_after_the_upgrade()
    {
        Assert.That((int)_manifest["counts"]!["queuedJobs"]!, Is.EqualTo(6), "3 welcome emails and 3 article notifications");

        // The 6 carried-over jobs, plus the notification batches the 3 fan-outs stage (one per article with followers).
        var jobs = await HangfireJobs.WaitForFinishedAsync(
            _factory.Services,
            6 + 3,
            "email.welcome",
            "email.article-published",
            "email.article-published.batch"
        );

        Assert.Multiple(() =>
        {
            Assert.That(jobs.Count(j => j.Kind == "email.welcome"), Is.EqualTo(3));
            Assert.That(jobs.Count(j => j.Kind == "email.article-published"), Is.EqualTo(3));
            Assert.That(jobs.Count(j => j.Kind == "email.article-published.batch"), Is.EqualTo(3));
        });
        var mails = Directory.GetFiles(_mail, "*.eml").Select(File.ReadAllText).ToList();
        foreach (var user in Users)
        {
            Assert.That(
                mails.Count(m =>
                    m.Contains($"To: {(string)user["email"]!}", StringComparison.Ordinal)
                    && m.Contains("Subject: Welcome to CleanApp", StringComparison.Ordinal)
                ),
                Is.EqualTo(1),
                $"{user["username"]} got exactly one welcome email"
            );
        }

        // ben and cat follow ann (two articles), ann follows ben (one article).
        Assert.That(mails.Count(m => !m.Contains("Subject: Welcome", StringComparison.Ordinal)), Is.EqualTo(5));
        Assert.That(await CountAsync("JobOutbox"), Is.Zero, "every carried-over job reached Hangfire");
    }

    [Test]
    public async Task The_previous_release_articles_are_in_the_full_text_index_with_their_tags()
    {
        var slugs = _manifest["slugs"]!.AsArray().Select(s => (string)s!).ToArray();

        var byTag = (await (await _client.SendAsync(HttpMethod.Get, "/api/search?q=training")).ReadJsonAsync())!;
        var byBody = (await (await _client.SendAsync(HttpMethod.Get, "/api/search?q=carefully%20dragon")).ReadJsonAsync())!;
        var accented = (await (await _client.SendAsync(HttpMethod.Get, "/api/search?q=unicode")).ReadJsonAsync())!;

        Assert.Multiple(() =>
        {
            Assert.That(
                byTag["articles"]!.AsArray().Select(a => (string)a!["slug"]!),
                Is.EqualTo(new[] { slugs[0] }),
                byTag.ToJsonString()
            );
            Assert.That(byBody["articles"]!.AsArray().Select(a => (string)a!["slug"]!), Is.EqualTo(new[] { slugs[0] }));
            Assert.That(accented["articles"]!.AsArray().Select(a => (string)a!["slug"]!), Is.EqualTo(new[] { slugs[1] }));
        });
    }

    private async Task<long> CountAsync(string table) => long.Parse((await QueryAsync($"SELECT COUNT(*) FROM \"{table}\""))[0]);

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
