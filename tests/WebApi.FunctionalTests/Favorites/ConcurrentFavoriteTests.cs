using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Favorites;

/// <summary>favoritesCount is a COUNT of (article, user) rows, so parallel requests cannot lose or double an update.</summary>
public sealed class ConcurrentFavoriteTests : ApiFixture
{
    [Test]
    public async Task Many_users_favoriting_at_once_give_an_exact_count()
    {
        const int fans = 24;
        var author = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var users = new List<TestUser>();
        for (var i = 0; i < fans; i++)
        {
            users.Add(await Client.RegisterAsync("fan"));
        }

        var responses = await Task.WhenAll(users.Select(u => Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/favorite", u.Token)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var article = (await Client.GetOkAsync($"/api/articles/{slug}"))["article"]!;
        Assert.That(article["favoritesCount"]!.GetValue<int>(), Is.EqualTo(fans));
    }

    [Test]
    public async Task One_user_favoriting_many_times_at_once_counts_once()
    {
        var author = await Client.RegisterAsync();
        var fan = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 12).Select(_ => Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/favorite", fan.Token))
        );

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var article = (await Client.GetOkAsync($"/api/articles/{slug}", fan.Token))["article"]!;
        Assert.That(article["favoritesCount"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(article["favorited"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Parallel_favorites_and_unfavorites_leave_the_count_equal_to_the_rows()
    {
        var author = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var users = new List<TestUser>();
        for (var i = 0; i < 10; i++)
        {
            users.Add(await Client.RegisterAsync("fan"));
        }

        foreach (var u in users)
        {
            await Client.FavoriteAsync(u.Token, slug);
        }

        // Half unfavorite while the other half favorite again (a no-op): 5 remain.
        await Task.WhenAll(
            users.Select(
                (u, i) => Client.SendAsync(i % 2 == 0 ? HttpMethod.Delete : HttpMethod.Post, $"/api/articles/{slug}/favorite", u.Token)
            )
        );

        var article = (await Client.GetOkAsync($"/api/articles/{slug}"))["article"]!;
        Assert.That(article["favoritesCount"]!.GetValue<int>(), Is.EqualTo(5));
    }
}
