using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Articles;

public sealed class ArticleListTests : ApiFixture
{
    [Test]
    public async Task List_items_have_no_body_key_and_articlesCount_is_the_total()
    {
        var user = await Client.RegisterAsync();
        await Client.CreateArticleAsync(user.Token);
        await Client.CreateArticleAsync(user.Token);

        var page = await Client.GetOkAsync($"/api/articles?author={user.Username}&limit=1");

        var items = page["articles"]!.AsArray();
        Assert.That(items, Has.Count.EqualTo(1));
        Assert.That(page["articlesCount"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(items[0]!.AsObject().ContainsKey("body"), Is.False);
        Assert.That(items[0]!.AsObject().ContainsKey("tagList"), Is.True);
    }

    [Test]
    public async Task Newest_first_with_offset_paging()
    {
        var user = await Client.RegisterAsync();
        var slugs = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            slugs.Add((await Client.CreateArticleAsync(user.Token))["slug"].Str());
        }

        slugs.Reverse();
        var all = (await Client.GetOkAsync($"/api/articles?author={user.Username}"))["articles"]!
            .AsArray()
            .Select(a => a!["slug"].Str())
            .ToList();
        Assert.That(all, Is.EqualTo(slugs));

        var paged = new List<string>();
        for (var offset = 0; offset < 5; offset += 2)
        {
            var page = await Client.GetOkAsync($"/api/articles?author={user.Username}&limit=2&offset={offset}");
            paged.AddRange(page["articles"]!.AsArray().Select(a => a!["slug"].Str()));
            Assert.That(page["articlesCount"]!.GetValue<int>(), Is.EqualTo(5));
        }

        Assert.That(paged, Is.EqualTo(slugs));
        var beyond = await Client.GetOkAsync($"/api/articles?author={user.Username}&offset=10");
        Assert.That(beyond["articles"]!.AsArray(), Is.Empty);
        Assert.That(beyond["articlesCount"]!.GetValue<int>(), Is.EqualTo(5));
    }

    [Test]
    public async Task Default_limit_is_20()
    {
        var user = await Client.RegisterAsync();
        for (var i = 0; i < 21; i++)
        {
            await Client.CreateArticleAsync(user.Token);
        }

        var page = await Client.GetOkAsync($"/api/articles?author={user.Username}");
        Assert.That(page["articles"]!.AsArray(), Has.Count.EqualTo(20));
        Assert.That(page["articlesCount"]!.GetValue<int>(), Is.EqualTo(21));
    }

    [Test]
    public async Task Filters_by_tag_author_and_favorited_combine()
    {
        var alice = await Client.RegisterAsync("alice");
        var bob = await Client.RegisterAsync("bob");
        var fan = await Client.RegisterAsync("fan");
        var tag = ConduitHelpers.Unique("tag").ToLowerInvariant();
        var a1 = (await Client.CreateArticleAsync(alice.Token, tags: [tag, "other"]))["slug"].Str();
        var a2 = (await Client.CreateArticleAsync(alice.Token, tags: ["other"]))["slug"].Str();
        var b1 = (await Client.CreateArticleAsync(bob.Token, tags: [tag]))["slug"].Str();
        await Client.FavoriteAsync(fan.Token, a1);
        await Client.FavoriteAsync(fan.Token, b1);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await Slugs($"/api/articles?tag={tag}"), Is.EquivalentTo(new[] { a1, b1 }));
            Assert.That(await Slugs($"/api/articles?author={alice.Username}"), Is.EquivalentTo(new[] { a1, a2 }));
            Assert.That(await Slugs($"/api/articles?author={alice.Username.ToUpperInvariant()}"), Is.EquivalentTo(new[] { a1, a2 }));
            Assert.That(await Slugs($"/api/articles?favorited={fan.Username}"), Is.EquivalentTo(new[] { a1, b1 }));
            Assert.That(await Slugs($"/api/articles?tag={tag}&author={alice.Username}"), Is.EqualTo(new[] { a1 }));
            Assert.That(await Slugs($"/api/articles?tag={tag}&author={bob.Username}&favorited={fan.Username}"), Is.EqualTo(new[] { b1 }));
            Assert.That(await Slugs($"/api/articles?author={bob.Username}&favorited={alice.Username}"), Is.Empty);
        });

        var favorited = await Client.GetOkAsync($"/api/articles?favorited={fan.Username}");
        Assert.That(favorited["articles"]![0]!["favoritesCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [TestCase("author", "johnjacob_nobody")]
    [TestCase("favorited", "nobody_at_all")]
    [TestCase("tag", "no-such-tag-anywhere")]
    public async Task Unknown_filter_values_give_an_empty_list(string filter, string value)
    {
        var page = await Client.GetOkAsync($"/api/articles?{filter}={value}");
        Assert.That(page["articles"]!.AsArray(), Is.Empty);
        Assert.That(page["articlesCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Favorited_and_following_are_computed_for_the_caller()
    {
        var author = await Client.RegisterAsync();
        var reader = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        await Client.FavoriteAsync(reader.Token, slug);
        await Client.FollowAsync(reader.Token, author.Username);

        var asReader = (await Client.GetOkAsync($"/api/articles?author={author.Username}", reader.Token))["articles"]![0]!;
        var anonymous = (await Client.GetOkAsync($"/api/articles?author={author.Username}"))["articles"]![0]!;
        Assert.Multiple(() =>
        {
            Assert.That(asReader["favorited"]!.GetValue<bool>(), Is.True);
            Assert.That(asReader["author"]!["following"]!.GetValue<bool>(), Is.True);
            Assert.That(anonymous["favorited"]!.GetValue<bool>(), Is.False);
            Assert.That(anonymous["author"]!["following"]!.GetValue<bool>(), Is.False);
        });
    }

    [TestCase("limit=-1", "limit")]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=abc", "limit")]
    [TestCase("limit=1.5", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("limit=99999999999999999999", "limit")]
    [TestCase("offset=-1", "offset")]
    [TestCase("offset=x", "offset")]
    [TestCase("offset=99999999999", "offset")]
    public async Task Bad_paging_values_are_a_422_naming_the_parameter(string query, string key)
    {
        await (await Client.SendAsync(HttpMethod.Get, $"/api/articles?{query}")).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, key);
        var user = await Client.RegisterAsync();
        await (await Client.SendAsync(HttpMethod.Get, $"/api/articles/feed?{query}", user.Token)).AssertErrorAsync(
            HttpStatusCode.UnprocessableEntity,
            key
        );
    }

    [Test]
    public async Task An_invalid_token_on_an_optional_endpoint_is_a_401()
    {
        await (await Client.SendAsync(HttpMethod.Get, "/api/articles", "not-a-token")).AssertErrorAsync(
            HttpStatusCode.Unauthorized,
            "token"
        );
    }

    [Test]
    public async Task Bearer_scheme_is_accepted_too()
    {
        var user = await Client.RegisterAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/articles/feed").WithToken(user.Token, "Bearer");
        Assert.That((await Client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private async Task<string[]> Slugs(string url) =>
        (await Client.GetOkAsync(url))["articles"]!.AsArray().Select(a => a!["slug"].Str()).ToArray();
}
