using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Tags;

public sealed class TagsEndpointTests : ApiFixture
{
    [Test]
    public async Task Every_tag_in_use_is_listed_once_sorted()
    {
        var user = await Client.RegisterAsync();
        var first = ConduitHelpers.Unique("d").ToLowerInvariant();
        var second = ConduitHelpers.Unique("t").ToLowerInvariant();
        await Client.CreateArticleAsync(user.Token, tags: [first, second]);
        await Client.CreateArticleAsync(user.Token, tags: [second]);
        for (var i = 0; i < 15; i++)
        {
            await Client.CreateArticleAsync(user.Token, tags: [$"filler{i}"]);
        }

        var tags = (await Client.GetOkAsync("/api/tags"))["tags"].Strings();

        Assert.That(tags, Does.Contain(first).And.Contain(second));
        Assert.That(tags, Is.Unique);
        Assert.That(tags, Is.EqualTo(tags.Order(StringComparer.Ordinal).ToArray()));
    }

    [Test]
    public async Task Tags_are_trimmed_and_deduplicated_on_an_article_and_kept_verbatim()
    {
        var user = await Client.RegisterAsync();
        var article = await Client.CreateArticleAsync(user.Token, tags: [" d_x ", "t_x", "d_x"]);
        Assert.That(article["tagList"].Strings(), Is.EqualTo(new[] { "d_x", "t_x" }));
    }

    [Test]
    public async Task A_token_is_ignored()
    {
        await Client.GetOkAsync("/api/tags", "garbage-token");
    }
}
