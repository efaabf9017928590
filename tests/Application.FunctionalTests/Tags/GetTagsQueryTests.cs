using CleanApp.Application.FunctionalTests.Support;
using CleanApp.Application.Tags.Queries.GetTags;

namespace CleanApp.Application.FunctionalTests.Tags;

public sealed class GetTagsQueryTests : AppFixture
{
    [Test]
    public async Task Returns_every_distinct_tag_in_use_sorted_ordinally()
    {
        var author = await App.RegisterAsync();
        await App.CreateArticleAsync(author, null, "beta", "Alpha");
        await App.CreateArticleAsync(author, null, "beta", "gamma");

        var tags = await App.SendAsync(new GetTagsQuery());

        Assert.That(tags, Is.EqualTo(new[] { "Alpha", "beta", "gamma" }));
    }
}
