using System.Net;
using System.Text.RegularExpressions;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Articles;

public sealed class ArticleEndpointTests : ApiFixture
{
    [Test]
    public async Task Create_returns_201_with_the_full_article_and_sorted_tags()
    {
        var user = await Client.RegisterAsync();
        var response = await Client.SendAsync(
            HttpMethod.Post,
            "/api/articles",
            user.Token,
            new
            {
                article = new
                {
                    title = "How to train your dragon",
                    description = "Ever wonder how?",
                    body = "You have to believe",
                    tagList = new[] { "training", "dragons" },
                },
            }
        );

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("application/json; charset=utf-8"));
        var article = (await response.ReadJsonAsync())!["article"]!;
        Assert.Multiple(() =>
        {
            Assert.That(article["slug"].Str(), Does.StartWith("how-to-train-your-dragon"));
            Assert.That(article["title"].Str(), Is.EqualTo("How to train your dragon"));
            Assert.That(article["description"].Str(), Is.EqualTo("Ever wonder how?"));
            Assert.That(article["body"].Str(), Is.EqualTo("You have to believe"));
            Assert.That(article["tagList"].Strings(), Is.EqualTo(new[] { "dragons", "training" }));
            Assert.That(article["createdAt"].Str(), Does.Match(ConduitHelpers.TimestampPattern));
            Assert.That(article["updatedAt"].Str(), Does.Match(ConduitHelpers.TimestampPattern));
            Assert.That(article["favorited"]!.GetValue<bool>(), Is.False);
            Assert.That(article["favoritesCount"]!.GetValue<int>(), Is.Zero);
            Assert.That(article["author"]!["username"].Str(), Is.EqualTo(user.Username));
            Assert.That(article["author"]!["bio"], Is.Null);
            Assert.That(article["author"]!["image"], Is.Null);
            Assert.That(article["author"]!["following"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task Create_without_tagList_gives_an_empty_list()
    {
        var user = await Client.RegisterAsync();
        var article = await Client.CreateArticleAsync(user.Token);
        Assert.That(article["tagList"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Duplicate_titles_get_different_slugs()
    {
        var user = await Client.RegisterAsync();
        var title = ConduitHelpers.Unique("Same");
        var first = await Client.CreateArticleAsync(user.Token, title);
        var second = await Client.CreateArticleAsync(user.Token, title);
        Assert.That(second["slug"].Str(), Is.Not.EqualTo(first["slug"].Str()));
    }

    [Test]
    public async Task A_title_of_feed_does_not_collide_with_the_feed_route()
    {
        var user = await Client.RegisterAsync();
        var article = await Client.CreateArticleAsync(user.Token, "Feed");
        Assert.That(article["slug"].Str(), Is.Not.EqualTo("feed"));
        var read = await Client.GetOkAsync($"/api/articles/{article["slug"].Str()}");
        Assert.That(read["article"]!["title"].Str(), Is.EqualTo("Feed"));
    }

    [Test]
    public async Task Get_by_slug_works_anonymously_and_with_a_token()
    {
        var author = await Client.RegisterAsync();
        var reader = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token, tags: ["b", "a"]))["slug"].Str();
        await Client.FollowAsync(reader.Token, author.Username);
        await Client.FavoriteAsync(reader.Token, slug);

        var anonymous = (await Client.GetOkAsync($"/api/articles/{slug}"))["article"]!;
        var asReader = (await Client.GetOkAsync($"/api/articles/{slug}", reader.Token))["article"]!;

        Assert.Multiple(() =>
        {
            Assert.That(anonymous["body"].Str(), Is.EqualTo("A body"));
            Assert.That(anonymous["tagList"].Strings(), Is.EqualTo(new[] { "a", "b" }));
            Assert.That(anonymous["favorited"]!.GetValue<bool>(), Is.False);
            Assert.That(anonymous["favoritesCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(anonymous["author"]!["following"]!.GetValue<bool>(), Is.False);
            Assert.That(asReader["favorited"]!.GetValue<bool>(), Is.True);
            Assert.That(asReader["author"]!["following"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task Update_of_body_only_keeps_slug_title_description_and_createdAt_and_changes_updatedAt()
    {
        var user = await Client.RegisterAsync();
        var created = await Client.CreateArticleAsync(user.Token, tags: ["x"]);
        var slug = created["slug"].Str();

        var response = await Client.SendAsync(
            HttpMethod.Put,
            $"/api/articles/{slug}",
            user.Token,
            new { article = new { body = "New body" } }
        );

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var updated = (await response.ReadJsonAsync())!["article"]!;
        Assert.Multiple(() =>
        {
            Assert.That(updated["slug"].Str(), Is.EqualTo(slug));
            Assert.That(updated["title"].Str(), Is.EqualTo(created["title"].Str()));
            Assert.That(updated["description"].Str(), Is.EqualTo(created["description"].Str()));
            Assert.That(updated["body"].Str(), Is.EqualTo("New body"));
            Assert.That(updated["tagList"].Strings(), Is.EqualTo(new[] { "x" }));
            Assert.That(updated["createdAt"].Str(), Is.EqualTo(created["createdAt"].Str()));
            Assert.That(updated["updatedAt"].Str(), Is.Not.EqualTo(created["updatedAt"].Str()));
            Assert.That(updated["updatedAt"].Str(), Does.Match(ConduitHelpers.TimestampPattern));
        });
        var reread = (await Client.GetOkAsync($"/api/articles/{slug}"))["article"]!;
        Assert.That(reread["createdAt"].Str(), Is.EqualTo(created["createdAt"].Str()));
    }

    [Test]
    public async Task Repeating_the_same_update_still_changes_updatedAt()
    {
        var user = await Client.RegisterAsync();
        var created = await Client.CreateArticleAsync(user.Token);
        var url = $"/api/articles/{created["slug"].Str()}";
        var first = (
            await (await Client.SendAsync(HttpMethod.Put, url, user.Token, new { article = new { body = "Same" } })).ReadJsonAsync()
        )!["article"]!;
        var second = (
            await (await Client.SendAsync(HttpMethod.Put, url, user.Token, new { article = new { body = "Same" } })).ReadJsonAsync()
        )!["article"]!;
        Assert.That(second["updatedAt"].Str(), Is.Not.EqualTo(first["updatedAt"].Str()));
    }

    [Test]
    public async Task Update_of_title_regenerates_the_slug_and_the_old_slug_is_gone()
    {
        var user = await Client.RegisterAsync();
        var created = await Client.CreateArticleAsync(user.Token);
        var newTitle = ConduitHelpers.Unique("Renamed");

        var response = await Client.SendAsync(
            HttpMethod.Put,
            $"/api/articles/{created["slug"].Str()}",
            user.Token,
            new { article = new { title = newTitle } }
        );

        var updated = (await response.ReadJsonAsync())!["article"]!;
        Assert.That(updated["slug"].Str(), Is.EqualTo(newTitle.ToLowerInvariant().Replace('_', '-')));
        Assert.That(
            (await Client.SendAsync(HttpMethod.Get, $"/api/articles/{created["slug"].Str()}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        await Client.GetOkAsync($"/api/articles/{updated["slug"].Str()}");
    }

    [Test]
    public async Task Update_tagList_absent_keeps_empty_array_removes()
    {
        var user = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(user.Token, tags: ["one", "two"]))["slug"].Str();

        var kept = (
            await (
                await Client.SendAsync(HttpMethod.Put, $"/api/articles/{slug}", user.Token, new { article = new { description = "d2" } })
            ).ReadJsonAsync()
        )!;
        Assert.That(kept["article"]!["tagList"].Strings(), Is.EqualTo(new[] { "one", "two" }));

        var replaced = (
            await (
                await Client.SendAsync(
                    HttpMethod.Put,
                    $"/api/articles/{slug}",
                    user.Token,
                    new { article = new { tagList = new[] { "zeta", "Alpha", "beta" } } }
                )
            ).ReadJsonAsync()
        )!;
        Assert.That(replaced["article"]!["tagList"].Strings(), Is.EqualTo(new[] { "Alpha", "beta", "zeta" }));

        var cleared = (
            await (
                await Client.SendAsync(
                    HttpMethod.Put,
                    $"/api/articles/{slug}",
                    user.Token,
                    new { article = new { tagList = Array.Empty<string>() } }
                )
            ).ReadJsonAsync()
        )!;
        Assert.That(cleared["article"]!["tagList"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Delete_returns_204_with_an_empty_body_and_then_404()
    {
        var user = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(user.Token))["slug"].Str();

        var response = await Client.SendAsync(HttpMethod.Delete, $"/api/articles/{slug}", user.Token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
        await (await Client.SendAsync(HttpMethod.Get, $"/api/articles/{slug}")).AssertErrorAsync(
            HttpStatusCode.NotFound,
            "article",
            "not found"
        );
    }

    [Test]
    public async Task Delete_removes_comments_and_favorites_with_the_article()
    {
        var author = await Client.RegisterAsync();
        var reader = await Client.RegisterAsync();
        var title = ConduitHelpers.Unique("Doomed");
        var slug = (await Client.CreateArticleAsync(author.Token, title, ["doomedtag"]))["slug"].Str();
        await Client.FavoriteAsync(reader.Token, slug);
        await Client.AddCommentAsync(reader.Token, slug);

        await Client.SendAsync(HttpMethod.Delete, $"/api/articles/{slug}", author.Token);

        var favorited = await Client.GetOkAsync($"/api/articles?favorited={reader.Username}");
        Assert.That(favorited["articlesCount"]!.GetValue<int>(), Is.Zero);
        var tags = await Client.GetOkAsync("/api/tags");
        Assert.That(tags["tags"].Strings(), Does.Not.Contain("doomedtag"));

        // Recreating the same title gets the bare slug again, with no comments carried over.
        var again = (await Client.CreateArticleAsync(author.Token, title))["slug"].Str();
        var comments = await Client.GetOkAsync($"/api/articles/{again}/comments");
        Assert.That(comments["comments"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Timestamps_use_the_fixed_millisecond_utc_format()
    {
        var user = await Client.RegisterAsync();
        await Client.CreateArticleAsync(user.Token);
        var list = await Client.GetOkAsync($"/api/articles?author={user.Username}");
        var item = list["articles"]![0]!;
        Assert.That(Regex.IsMatch(item["createdAt"].Str(), ConduitHelpers.TimestampPattern), Is.True);
    }
}
