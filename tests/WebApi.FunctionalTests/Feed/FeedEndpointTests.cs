using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Feed;

public sealed class FeedEndpointTests : ApiFixture
{
    [Test]
    public async Task A_user_who_follows_nobody_gets_an_empty_feed()
    {
        var user = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        await Client.CreateArticleAsync(other.Token);

        var feed = await Client.GetOkAsync("/api/articles/feed", user.Token);

        Assert.That(feed["articles"]!.AsArray(), Is.Empty);
        Assert.That(feed["articlesCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task The_feed_holds_only_followed_authors_newest_first_without_body()
    {
        var reader = await Client.RegisterAsync();
        var followed = await Client.RegisterAsync();
        var stranger = await Client.RegisterAsync();
        var older = (await Client.CreateArticleAsync(followed.Token))["slug"].Str();
        var newer = (await Client.CreateArticleAsync(followed.Token))["slug"].Str();
        await Client.CreateArticleAsync(stranger.Token);
        await Client.CreateArticleAsync(reader.Token);
        await Client.FollowAsync(reader.Token, followed.Username);

        var feed = await Client.GetOkAsync("/api/articles/feed", reader.Token);

        var items = feed["articles"]!.AsArray();
        Assert.That(items.Select(i => i!["slug"].Str()), Is.EqualTo(new[] { newer, older }));
        Assert.That(feed["articlesCount"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(items.All(i => i!["author"]!["following"]!.GetValue<bool>()), Is.True);
        Assert.That(items.All(i => !i!.AsObject().ContainsKey("body")), Is.True);

        var page = await Client.GetOkAsync("/api/articles/feed?limit=1&offset=1", reader.Token);
        Assert.That(page["articles"]!.AsArray().Select(i => i!["slug"].Str()), Is.EqualTo(new[] { older }));
        Assert.That(page["articlesCount"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task Unfollowing_removes_the_author_from_the_feed()
    {
        var reader = await Client.RegisterAsync();
        var author = await Client.RegisterAsync();
        await Client.CreateArticleAsync(author.Token);
        await Client.FollowAsync(reader.Token, author.Username);
        await Client.SendOkAsync(HttpMethod.Delete, $"/api/profiles/{author.Username}/follow", reader.Token);

        var feed = await Client.GetOkAsync("/api/articles/feed", reader.Token);
        Assert.That(feed["articlesCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task The_feed_requires_a_token()
    {
        await (await Client.SendAsync(HttpMethod.Get, "/api/articles/feed")).AssertErrorAsync(
            HttpStatusCode.Unauthorized,
            "token",
            "is missing"
        );
    }
}
