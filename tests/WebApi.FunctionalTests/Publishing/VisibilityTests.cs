using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Publishing;

/// <summary>
/// Every public read path, every unpublished state, every kind of caller (ADR 0040): a draft or a scheduled article is
/// seen by its author on the by-slug reads only, by nobody on the lists, the feed, the tags and search; a published one
/// is seen everywhere (the control row, so each case can fail both ways).
/// </summary>
public sealed class VisibilityTests : ApiFixture
{
    public enum State
    {
        Published,
        Draft,
        Scheduled,
    }

    public enum Caller
    {
        Anonymous,
        Stranger,
        Follower,
        Author,
    }

    private TestUser _author = null!;
    private TestUser _stranger = null!;
    private TestUser _follower = null!;
    private readonly Dictionary<State, (string Slug, string Tag, string Word)> _articles = [];

    /// <summary>
    /// A read path: whether the caller sees the article through it. By-slug paths see it for the author (their own
    /// draft), lists never show anything unpublished, not even to the author (that is /api/user/articles).
    /// </summary>
    public sealed record ReadPath(string Name, bool AuthorSeesOwnUnpublished, Func<VisibilityTests, Caller, State, Task<bool>> Sees)
    {
        public override string ToString() => Name;
    }

    private static readonly ReadPath[] Paths =
    [
        new("GET /api/articles", false, (t, c, s) => t.ListContainsAsync("/api/articles?limit=100", c, s)),
        new("GET /api/articles?author=", false, (t, c, s) => t.ListContainsAsync($"/api/articles?author={t._author.Username}", c, s)),
        new("GET /api/articles?tag=", false, (t, c, s) => t.ListContainsAsync($"/api/articles?tag={t._articles[s].Tag}", c, s)),
        new("GET /api/articles?favorited=", false, (t, c, s) => t.ListContainsAsync($"/api/articles?favorited={t._author.Username}", c, s)),
        new("GET /api/articles/feed", false, (t, c, s) => t.FeedContainsAsync(c, s)),
        new("GET /api/tags", false, (t, c, s) => t.TagsContainAsync(c, s)),
        new("GET /api/search", false, (t, c, s) => t.ListContainsAsync($"/api/search?q={t._articles[s].Word}", c, s)),
        new("GET /api/articles/{slug}", true, (t, c, s) => t.FoundAsync(HttpMethod.Get, "", c, s)),
        new("GET /api/articles/{slug}/comments", true, (t, c, s) => t.FoundAsync(HttpMethod.Get, "/comments", c, s)),
        new("POST /api/articles/{slug}/comments", true, (t, c, s) => t.FoundAsync(HttpMethod.Post, "/comments", c, s)),
        new("POST /api/articles/{slug}/favorite", true, (t, c, s) => t.FoundAsync(HttpMethod.Post, "/favorite", c, s)),
        new("DELETE /api/articles/{slug}/favorite", true, (t, c, s) => t.FoundAsync(HttpMethod.Delete, "/favorite", c, s)),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from path in Paths
        from state in Enum.GetValues<State>()
        from caller in Enum.GetValues<Caller>()
        // Writes need a signed-in caller (an anonymous one gets 401, which says nothing about visibility); the feed only
        // ever shows authors one follows, never oneself, so its reader is the follower.
        where caller != Caller.Anonymous || path.Name.StartsWith("GET", StringComparison.Ordinal)
        where !path.Name.EndsWith("feed", StringComparison.Ordinal) || caller == Caller.Follower
        let expected = state == State.Published || (path.AuthorSeesOwnUnpublished && caller == Caller.Author)
        select new TestCaseData(path, state, caller).Returns(expected).SetArgDisplayNames(path.Name, state.ToString(), caller.ToString());

    [OneTimeSetUp]
    public async Task Arrange()
    {
        _author = await Client.RegisterAsync("author");
        _stranger = await Client.RegisterAsync("stranger");
        _follower = await Client.RegisterAsync("follower");
        await Client.FollowAsync(_follower.Token, _author.Username);
        await Client.FollowAsync(_author.Token, _follower.Username);

        foreach (var state in Enum.GetValues<State>())
        {
            var tag = ConduitHelpers.Unique($"tag{state}").ToLowerInvariant();
            var word = "w" + Guid.NewGuid().ToString("N")[..12];
            var article = await Client.WriteArticleAsync(
                _author.Token,
                status: state == State.Draft ? "draft" : null,
                publishAt: state == State.Scheduled ? PublishingHelpers.Iso(DateTimeOffset.UtcNow.AddDays(2)) : null,
                tags: [tag],
                body: $"The secret word is {word}."
            );
            Assert.That(article["status"].Str(), Is.EqualTo(state.ToString().ToLowerInvariant()));
            _articles[state] = (article["slug"].Str(), tag, word);

            // The author's own favorite and comment: the favorited list and the comments have something to show.
            await Client.FavoriteAsync(_author.Token, article["slug"].Str());
            await Client.AddCommentAsync(_author.Token, article["slug"].Str());
        }
    }

    [TestCaseSource(nameof(Cases))]
    public Task<bool> A_read_path_shows_an_article_only_when_its_state_allows_it(ReadPath path, State state, Caller caller) =>
        path.Sees(this, caller, state);

    [Test]
    public async Task The_author_finds_every_own_article_with_its_status_on_the_desk()
    {
        var desk = await Client.GetOkAsync("/api/user/articles", _author.Token);

        var statuses = desk["articles"]!.AsArray().ToDictionary(a => a!["slug"].Str(), a => a!["status"].Str());
        Assert.That(statuses, Has.Count.EqualTo(3));
        foreach (var (state, article) in _articles)
        {
            Assert.That(statuses[article.Slug], Is.EqualTo(state.ToString().ToLowerInvariant()));
        }
    }

    private string? TokenOf(Caller caller) =>
        caller switch
        {
            Caller.Stranger => _stranger.Token,
            Caller.Follower => _follower.Token,
            Caller.Author => _author.Token,
            _ => null,
        };

    private async Task<bool> ListContainsAsync(string url, Caller caller, State state)
    {
        var page = await Client.GetOkAsync(url, TokenOf(caller));
        var slugs = page.Slugs();
        Assert.That((int)page["articlesCount"]!, Is.GreaterThanOrEqualTo(slugs.Length));
        return slugs.Contains(_articles[state].Slug);
    }

    private async Task<bool> FeedContainsAsync(Caller caller, State state)
    {
        var page = await Client.GetOkAsync("/api/articles/feed?limit=100", TokenOf(caller));
        return page.Slugs().Contains(_articles[state].Slug);
    }

    private async Task<bool> TagsContainAsync(Caller caller, State state)
    {
        var tags = (await Client.GetOkAsync("/api/tags", TokenOf(caller)))["tags"].Strings();
        return tags.Contains(_articles[state].Tag);
    }

    private async Task<bool> FoundAsync(HttpMethod method, string suffix, Caller caller, State state)
    {
        var body = method == HttpMethod.Post && suffix == "/comments" ? new { comment = new { body = "Hello" } } : null;
        var response = await Client.SendAsync(method, $"/api/articles/{_articles[state].Slug}{suffix}", TokenOf(caller), body);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            await ApiAssert.ExactErrorAsync(response, HttpStatusCode.NotFound, "article", "not found");
            return false;
        }

        Assert.That((int)response.StatusCode, Is.InRange(200, 201), await response.Content.ReadAsStringAsync());
        return true;
    }
}
