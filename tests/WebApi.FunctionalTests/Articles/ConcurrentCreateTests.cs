using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Articles;

/// <summary>Slugs are unique under a unique index; a request that loses the race retries with a fresh random suffix.</summary>
public sealed class ConcurrentCreateTests : ApiFixture
{
    [Test]
    public async Task Parallel_creates_with_the_same_title_all_succeed_with_distinct_slugs()
    {
        const int creates = 20;
        var user = await Client.RegisterAsync();
        var title = ConduitHelpers.Unique("Race");

        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, creates)
                .Select(_ =>
                    Client.SendAsync(
                        HttpMethod.Post,
                        "/api/articles",
                        user.Token,
                        new
                        {
                            article = new
                            {
                                title,
                                description = "d",
                                body = "b",
                                tagList = new[] { "race" },
                            },
                        }
                    )
                )
        );

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
        var slugs = new List<string>();
        foreach (var response in responses)
        {
            slugs.Add((await response.ReadJsonAsync())!["article"]!["slug"].Str());
        }

        Assert.That(slugs, Is.Unique);
        var page = await Client.GetOkAsync($"/api/articles?author={user.Username}&limit=100");
        Assert.That(page["articlesCount"]!.GetValue<int>(), Is.EqualTo(creates));
        Assert.That(page["articles"]!.AsArray().Select(a => a!["slug"].Str()), Is.EquivalentTo(slugs));
    }

    [Test]
    public async Task Parallel_renames_to_the_same_title_get_distinct_slugs()
    {
        var user = await Client.RegisterAsync();
        var slugs = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            slugs.Add((await Client.CreateArticleAsync(user.Token))["slug"].Str());
        }

        var title = ConduitHelpers.Unique("Renamed race");
        var responses = await Task.WhenAll(
            slugs.Select(s => Client.SendAsync(HttpMethod.Put, $"/api/articles/{s}", user.Token, new { article = new { title } }))
        );

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var renamed = new List<string>();
        foreach (var response in responses)
        {
            renamed.Add((await response.ReadJsonAsync())!["article"]!["slug"].Str());
        }

        Assert.That(renamed, Is.Unique);
    }
}
