using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Comments;

public sealed class CommentsEndpointTests : ApiFixture
{
    [Test]
    public async Task Create_returns_201_with_an_integer_id_and_the_author()
    {
        var author = await Client.RegisterAsync();
        var commenter = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();

        var response = await Client.SendAsync(
            HttpMethod.Post,
            $"/api/articles/{slug}/comments",
            commenter.Token,
            new { comment = new { body = "Thank you so much!" } }
        );

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var comment = (await response.ReadJsonAsync())!["comment"]!;
        Assert.Multiple(() =>
        {
            Assert.That(comment["id"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.Number));
            Assert.That(comment["body"].Str(), Is.EqualTo("Thank you so much!"));
            Assert.That(comment["createdAt"].Str(), Does.Match(ConduitHelpers.TimestampPattern));
            Assert.That(comment["updatedAt"].Str(), Does.Match(ConduitHelpers.TimestampPattern));
            Assert.That(comment["author"]!["username"].Str(), Is.EqualTo(commenter.Username));
            Assert.That(comment["author"]!["following"]!.GetValue<bool>(), Is.False);
        });
    }

    [Test]
    public async Task List_returns_every_comment_with_or_without_a_token()
    {
        var author = await Client.RegisterAsync();
        var commenter = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        await Client.AddCommentAsync(commenter.Token, slug, "first");
        await Client.AddCommentAsync(commenter.Token, slug, "second");
        await Client.FollowAsync(author.Token, commenter.Username);

        var anonymous = (await Client.GetOkAsync($"/api/articles/{slug}/comments"))["comments"]!.AsArray();
        var asAuthor = (await Client.GetOkAsync($"/api/articles/{slug}/comments", author.Token))["comments"]!.AsArray();

        Assert.That(anonymous.Select(c => c!["body"].Str()), Is.EquivalentTo(new[] { "first", "second" }));
        Assert.That(anonymous.All(c => !c!["author"]!["following"]!.GetValue<bool>()), Is.True);
        Assert.That(asAuthor.All(c => c!["author"]!["following"]!.GetValue<bool>()), Is.True);
    }

    [Test]
    public async Task Author_deletes_with_204_and_the_comment_is_gone()
    {
        var author = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var id = (await Client.AddCommentAsync(author.Token, slug))["id"]!.GetValue<int>();

        var response = await Client.SendAsync(HttpMethod.Delete, $"/api/articles/{slug}/comments/{id}", author.Token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.Empty);
        Assert.That((await Client.GetOkAsync($"/api/articles/{slug}/comments"))["comments"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Someone_else_gets_403_and_the_comment_survives()
    {
        var author = await Client.RegisterAsync();
        var other = await Client.RegisterAsync();
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var id = (await Client.AddCommentAsync(author.Token, slug))["id"]!.GetValue<int>();

        await (await Client.SendAsync(HttpMethod.Delete, $"/api/articles/{slug}/comments/{id}", other.Token)).AssertErrorAsync(
            HttpStatusCode.Forbidden,
            "comment",
            "forbidden"
        );

        Assert.That((await Client.GetOkAsync($"/api/articles/{slug}/comments"))["comments"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_comment_of_another_article_is_not_found_on_this_one()
    {
        var author = await Client.RegisterAsync();
        var slugA = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var slugB = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var id = (await Client.AddCommentAsync(author.Token, slugA))["id"]!.GetValue<int>();

        await (await Client.SendAsync(HttpMethod.Delete, $"/api/articles/{slugB}/comments/{id}", author.Token)).AssertErrorAsync(
            HttpStatusCode.NotFound,
            "comment",
            "not found"
        );
    }
}
