using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Articles;

/// <summary>
/// The list, feed, single-article and comments reads run a constant number of SQL statements whatever the page size or
/// the number of tags, favorites and comments (no N+1): counted from EF Core's command events.
/// </summary>
public sealed class SqlStatementCountTests : ApiFixture
{
    private SqlStatementCounter _counter = null!;
    private TestUser _author = null!;
    private TestUser _reader = null!;
    private string _richSlug = null!;
    private string _plainSlug = null!;

    /// <summary>
    /// No job server in this host: creating articles enqueues email jobs, and their statements (and the engine's polling)
    /// would be counted with the request's. The jobs stay queued; the requests under test are unaffected.
    /// </summary>
    protected override void Configure(CleanAppFactory factory) => factory.WithSetting("Jobs:Enabled", "false");

    [OneTimeSetUp]
    public async Task Arrange()
    {
        // Subscribed before the arrangement: a pooled context's EF logger caches "nobody listens" for a second, so a
        // listener that appears just before the counted requests could miss their commands.
        _counter = new SqlStatementCounter(Factory.DatabasePath);
        _author = await Client.RegisterAsync("author");
        _reader = await Client.RegisterAsync("reader");
        var fans = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            fans.Add(await Client.RegisterAsync("fan"));
        }

        await Client.FollowAsync(_reader.Token, _author.Username);
        for (var i = 0; i < 110; i++)
        {
            var slug = (await Client.CreateArticleAsync(_author.Token, tags: [$"t{i % 7}", $"u{i % 5}", "common"]))["slug"].Str();
            if (i % 3 == 0)
            {
                await Client.FavoriteAsync(_reader.Token, slug);
            }
        }

        _richSlug = (await Client.CreateArticleAsync(_author.Token, tags: ["a", "b", "c", "d", "e"]))["slug"].Str();
        foreach (var fan in fans)
        {
            await Client.FavoriteAsync(fan.Token, _richSlug);
        }

        for (var i = 0; i < 100; i++)
        {
            await Client.AddCommentAsync(fans[i % fans.Count].Token, _richSlug, $"comment {i}");
        }

        _plainSlug = (await Client.CreateArticleAsync(_author.Token))["slug"].Str();
        await Client.AddCommentAsync(_reader.Token, _plainSlug);

        // Warm-up: key ring, compiled queries.
        await Client.GetOkAsync("/api/articles?limit=1", _reader.Token);
        await Client.GetOkAsync("/api/articles/feed?limit=1", _reader.Token);
    }

    [OneTimeTearDown]
    public void Release() => _counter.Dispose();

    [TestCase("/api/articles?limit={0}")]
    [TestCase("/api/articles?tag=common&limit={0}")]
    [TestCase("/api/articles?author={author}&limit={0}")]
    [TestCase("/api/articles?favorited={reader}&limit={0}")]
    [TestCase("/api/articles/feed?limit={0}")]
    public async Task List_and_feed_run_the_same_statements_at_page_size_1_and_100(string template)
    {
        var small = await CountAsync(template, 1);
        var large = await CountAsync(template, 100);

        Assert.That(small.Pages, Is.EqualTo(1));
        Assert.That(large.Pages, Is.GreaterThanOrEqualTo(30));
        Assert.That(large.Statements, Is.EqualTo(small.Statements), "statements per request must not depend on the page size");
        Assert.That(small.Statements, Is.EqualTo(2), "one COUNT and one page");
        Assert.That(large.Sql, Has.None.Contains("\"Body\""), "a list item has no body, so the page never reads it");
    }

    [Test]
    public async Task Single_article_runs_the_same_statements_with_many_tags_and_favorites_or_none()
    {
        var rich = WithoutTokenCheck(await _counter.CountAsync(() => Client.GetOkAsync($"/api/articles/{_richSlug}", _reader.Token)));
        var plain = WithoutTokenCheck(await _counter.CountAsync(() => Client.GetOkAsync($"/api/articles/{_plainSlug}", _reader.Token)));

        Assert.That(rich, Has.Count.EqualTo(plain.Count));
        Assert.That(rich, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Comments_run_the_same_statements_for_100_comments_or_1()
    {
        var many = WithoutTokenCheck(
            await _counter.CountAsync(() => Client.GetOkAsync($"/api/articles/{_richSlug}/comments", _reader.Token))
        );
        var one = WithoutTokenCheck(
            await _counter.CountAsync(() => Client.GetOkAsync($"/api/articles/{_plainSlug}/comments", _reader.Token))
        );

        Assert.That(many, Has.Count.EqualTo(one.Count));
        Assert.That(many, Has.Count.EqualTo(2), "the article id and one page of comments");
    }

    private async Task<(int Statements, int Pages, IReadOnlyList<string> Sql)> CountAsync(string template, int limit)
    {
        var url = template
            .Replace("{0}", limit.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{author}", _author.Username, StringComparison.Ordinal)
            .Replace("{reader}", _reader.Username, StringComparison.Ordinal);
        var pages = 0;
        var statements = await _counter.CountAsync(async () =>
        {
            var page = await Client.GetOkAsync(url, _reader.Token);
            pages = page["articles"]!.AsArray().Count;
        });
        var own = WithoutTokenCheck(statements);
        return (own.Count, pages, own);
    }

    /// <summary>
    /// Every authenticated request first checks that its token is still current (docs/decisions/0030-token-revocation.md):
    /// exactly one keyed statement, whatever the request. The counts above are the request's own statements.
    /// </summary>
    private static List<string> WithoutTokenCheck(IReadOnlyList<string> statements)
    {
        var checks = statements.Where(s => s.Contains("\"TokenVersion\"", StringComparison.Ordinal)).ToList();
        Assert.That(checks, Has.Count.EqualTo(1), string.Join("\n---\n", statements));
        return statements.Where(s => !checks.Contains(s)).ToList();
    }
}
