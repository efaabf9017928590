using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Favorites;

public sealed class FavoritesEndpointTests : ApiFixture
{
    [Test]
    public async Task Favorite_then_unfavorite_returns_the_article_with_body_and_the_new_state()
    {
        var author = await Client.RegisterAsync();
        var fan = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();

        var favorited = (await Client.FavoriteAsync(fan.Token, slug))["article"]!;
        Assert.That(favorited["favorited"]!.GetValue<bool>(), Is.True);
        Assert.That(favorited["favoritesCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(favorited["body"].Str(), Is.EqualTo("A body"));

        var unfavorited = (await Client.SendOkAsync(HttpMethod.Delete, $"/api/articles/{slug}/favorite", fan.Token))["article"]!;
        Assert.That(unfavorited["favorited"]!.GetValue<bool>(), Is.False);
        Assert.That(unfavorited["favoritesCount"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task Favorite_and_unfavorite_are_idempotent()
    {
        var author = await Client.RegisterAsync();
        var fan = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();

        await Client.FavoriteAsync(fan.Token, slug);
        var twice = (await Client.FavoriteAsync(fan.Token, slug))["article"]!;
        Assert.That(twice["favoritesCount"]!.GetValue<int>(), Is.EqualTo(1));

        await Client.SendOkAsync(HttpMethod.Delete, $"/api/articles/{slug}/favorite", fan.Token);
        var again = (await Client.SendOkAsync(HttpMethod.Delete, $"/api/articles/{slug}/favorite", fan.Token))["article"]!;
        Assert.That(again["favoritesCount"]!.GetValue<int>(), Is.Zero);
        Assert.That(again["favorited"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Favorites_of_several_users_add_up()
    {
        var author = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        for (var i = 0; i < 3; i++)
        {
            var fan = await Client.RegisterAsync();
            await Client.FavoriteAsync(fan.Token, slug);
        }

        var article = (await Client.GetOkAsync($"/api/articles/{slug}"))["article"]!;
        Assert.That(article["favoritesCount"]!.GetValue<int>(), Is.EqualTo(3));
    }

    [Test]
    public async Task Unknown_article_is_a_404_and_anonymous_is_a_401()
    {
        var fan = await Client.RegisterAsync();
        await (await Client.SendAsync(HttpMethod.Post, "/api/articles/no-such-article/favorite", fan.Token)).AssertErrorAsync(
            HttpStatusCode.NotFound,
            "article",
            "not found"
        );
        await (await Client.SendAsync(HttpMethod.Delete, "/api/articles/no-such-article/favorite", fan.Token)).AssertErrorAsync(
            HttpStatusCode.NotFound,
            "article",
            "not found"
        );
        await (await Client.SendAsync(HttpMethod.Post, "/api/articles/no-such-article/favorite")).AssertErrorAsync(
            HttpStatusCode.Unauthorized,
            "token",
            "is missing"
        );
    }
}
