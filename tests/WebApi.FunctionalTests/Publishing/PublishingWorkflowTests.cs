using System.Net;
using System.Text.Json.Nodes;
using CleanApp.Application.Common.Security;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Publishing;

/// <summary>Drafts, schedules, publish and unpublish over HTTP: statuses, times, who may do what, and list order.</summary>
public sealed class PublishingWorkflowTests : ApiFixture
{
    /// <summary>Nothing here waits for a job: scheduled articles stay scheduled, email jobs stay queued.</summary>
    protected override void Configure(CleanAppFactory factory) => factory.WithSetting("Jobs:Enabled", "false");

    [Test]
    public async Task Without_new_fields_an_article_is_published_at_once_as_before()
    {
        var author = await Client.RegisterAsync("author");

        var article = await Client.CreateArticleAsync(author.Token);

        Assert.That(article["status"].Str(), Is.EqualTo("published"));
        Assert.That(article["publishedAt"].Str(), Does.Match(ConduitHelpers.TimestampPattern));
        Assert.That(article["publishAt"], Is.Null);
        var publishedAt = DateTime.Parse(article["publishedAt"].Str(), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        var createdAt = DateTime.Parse(article["createdAt"].Str(), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();
        Assert.That(publishedAt - createdAt, Is.LessThan(TimeSpan.FromSeconds(1)).And.GreaterThan(TimeSpan.FromSeconds(-1)));
        Assert.That((await Client.GetOkAsync("/api/articles?author=" + author.Username)).Slugs(), Does.Contain(article["slug"].Str()));
    }

    [Test]
    public async Task A_draft_is_private_until_published_and_then_heads_the_list()
    {
        var author = await Client.RegisterAsync("author");
        var draft = await Client.WriteArticleAsync(author.Token, status: "draft");
        var older = await Client.CreateArticleAsync(author.Token);
        Assert.That(draft["status"].Str(), Is.EqualTo("draft"));
        Assert.That(draft["publishedAt"], Is.Null);
        Assert.That(draft["publishAt"], Is.Null);

        var published = await Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{draft["slug"].Str()}/publish", author.Token);

        Assert.That(published["article"]!["status"].Str(), Is.EqualTo("published"));
        Assert.That(published["article"]!["publishedAt"].Str(), Does.Match(ConduitHelpers.TimestampPattern));
        var list = await Client.GetOkAsync("/api/articles?author=" + author.Username);
        Assert.That(
            list.Slugs(),
            Is.EqualTo(new[] { draft["slug"].Str(), older["slug"].Str() }),
            "ordered by publication: the draft written first but published last comes first"
        );
        Assert.That(list["articles"]![0]!.AsObject().ContainsKey("body"), Is.False, "list items still have no body");

        var again = await Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{draft["slug"].Str()}/publish", author.Token);
        Assert.That(again["article"]!["publishedAt"].Str(), Is.EqualTo(published["article"]!["publishedAt"].Str()), "idempotent");
    }

    [Test]
    public async Task Before_publication_PUT_moves_an_article_between_draft_scheduled_and_published()
    {
        var author = await Client.RegisterAsync("author");
        var slug = (await Client.WriteArticleAsync(author.Token, status: "draft"))["slug"].Str();
        var at = PublishingHelpers.Iso(DateTimeOffset.UtcNow.AddHours(3));

        var scheduled = await (await Client.UpdateArticleAsync(author.Token, slug, new JsonObject { ["publishAt"] = at })).ReadJsonAsync();
        Assert.That(scheduled!["article"]!["status"].Str(), Is.EqualTo("scheduled"));
        Assert.That(scheduled["article"]!["publishAt"].Str(), Is.EqualTo(at));

        var draft = await (await Client.UpdateArticleAsync(author.Token, slug, new JsonObject { ["status"] = "draft" })).ReadJsonAsync();
        Assert.That(draft!["article"]!["status"].Str(), Is.EqualTo("draft"));
        Assert.That(draft["article"]!["publishAt"], Is.Null);

        var published = await (
            await Client.UpdateArticleAsync(author.Token, slug, new JsonObject { ["status"] = "published", ["body"] = "Final." })
        ).ReadJsonAsync();
        Assert.That(published!["article"]!["status"].Str(), Is.EqualTo("published"));
        Assert.That(published["article"]!["body"].Str(), Is.EqualTo("Final."));
        Assert.That((await Client.GetOkAsync($"/api/articles/{slug}"))["article"]!["status"].Str(), Is.EqualTo("published"));
    }

    [Test]
    public async Task Unpublish_is_for_the_author_and_editors_and_admins_only()
    {
        var author = await Client.RegisterAsync("author");
        var stranger = await Client.RegisterAsync("stranger");
        var editor = await Client.RegisterAsync("editor");
        var admin = await Client.RegisterAsync("admin");
        await PublishingHelpers.GrantRoleAsync(Factory.Services, editor.Username, Roles.Editor);
        await PublishingHelpers.GrantRoleAsync(Factory.Services, admin.Username, Roles.Admin);
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();

        var anonymous = await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/unpublish");
        var refused = await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/unpublish", stranger.Token);
        await ApiAssert.ExactErrorAsync(anonymous, HttpStatusCode.Unauthorized, "token", "is missing");
        await ApiAssert.ExactErrorAsync(refused, HttpStatusCode.Forbidden, "article", "forbidden");
        Assert.That((await Client.GetOkAsync($"/api/articles/{slug}"))["article"]!["status"].Str(), Is.EqualTo("published"));

        var byEditor = await Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/unpublish", editor.Token);
        Assert.That(byEditor["article"]!["status"].Str(), Is.EqualTo("draft"));
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Get, $"/api/articles/{slug}"),
            HttpStatusCode.NotFound,
            "article",
            "not found"
        );

        // Now a draft: only its author sees it, so an editor or admin finds nothing to unpublish.
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/unpublish", admin.Token),
            HttpStatusCode.NotFound,
            "article",
            "not found"
        );
        await Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/publish", author.Token);
        var byAdmin = await Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/unpublish", admin.Token);
        Assert.That(byAdmin["article"]!["status"].Str(), Is.EqualTo("draft"));
        var byAuthor = await Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/unpublish", author.Token);
        Assert.That(byAuthor["article"]!["status"].Str(), Is.EqualTo("draft"), "a draft stays a draft");
    }

    [Test]
    public async Task Publish_is_for_the_author_only()
    {
        var author = await Client.RegisterAsync("author");
        var editor = await Client.RegisterAsync("editor");
        await PublishingHelpers.GrantRoleAsync(Factory.Services, editor.Username, Roles.Editor);
        var published = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var draft = (await Client.WriteArticleAsync(author.Token, status: "draft"))["slug"].Str();

        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Post, $"/api/articles/{published}/publish", editor.Token),
            HttpStatusCode.Forbidden,
            "article",
            "forbidden"
        );
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Post, $"/api/articles/{draft}/publish", editor.Token),
            HttpStatusCode.NotFound,
            "article",
            "not found"
        );
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Post, "/api/articles/no-such-article/publish", author.Token),
            HttpStatusCode.NotFound,
            "article",
            "not found"
        );
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Post, $"/api/articles/{draft}/publish"),
            HttpStatusCode.Unauthorized,
            "token",
            "is missing"
        );
        Assert.That((await Client.GetOkAsync("/api/user/articles?status=draft", author.Token)).Slugs(), Is.EqualTo(new[] { draft }));
    }

    [Test]
    public async Task Someone_elses_draft_cannot_be_edited_or_deleted_and_its_existence_is_not_revealed()
    {
        var author = await Client.RegisterAsync("author");
        var stranger = await Client.RegisterAsync("stranger");
        var draft = (await Client.WriteArticleAsync(author.Token, status: "draft"))["slug"].Str();
        var published = (await Client.CreateArticleAsync(author.Token))["slug"].Str();

        await ApiAssert.ExactErrorAsync(
            await Client.UpdateArticleAsync(stranger.Token, draft, new JsonObject { ["body"] = "mine now" }),
            HttpStatusCode.NotFound,
            "article",
            "not found"
        );
        await ApiAssert.ExactErrorAsync(
            await Client.UpdateArticleAsync(stranger.Token, published, new JsonObject { ["body"] = "mine now" }),
            HttpStatusCode.Forbidden,
            "article",
            "forbidden"
        );
        Assert.That((await Client.GetOkAsync($"/api/articles/{draft}", author.Token))["article"]!["body"].Str(), Is.EqualTo("A body"));
    }

    [Test]
    public async Task The_desk_lists_the_callers_own_articles_by_status_newest_first()
    {
        var author = await Client.RegisterAsync("author");
        var other = await Client.RegisterAsync("other");
        await Client.WriteArticleAsync(other.Token, status: "draft");
        var draft1 = (await Client.WriteArticleAsync(author.Token, status: "draft"))["slug"].Str();
        var published = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var scheduled = (await Client.WriteArticleAsync(author.Token, publishAt: PublishingHelpers.Iso(DateTimeOffset.UtcNow.AddDays(1))))[
            "slug"
        ]
            .Str();
        var draft2 = (await Client.WriteArticleAsync(author.Token, status: "draft"))["slug"].Str();

        var all = await Client.GetOkAsync("/api/user/articles", author.Token);
        var drafts = await Client.GetOkAsync("/api/user/articles?status=draft&limit=1", author.Token);
        var scheduledOnly = await Client.GetOkAsync("/api/user/articles?status=scheduled", author.Token);
        var publishedOnly = await Client.GetOkAsync("/api/user/articles?status=published", author.Token);

        Assert.Multiple(() =>
        {
            Assert.That(
                all.Slugs(),
                Is.EqualTo(new[] { scheduled, draft2, published, draft1 }),
                "by publication, schedule or creation time"
            );
            Assert.That((int)all["articlesCount"]!, Is.EqualTo(4));
            Assert.That(drafts.Slugs(), Is.EqualTo(new[] { draft2 }));
            Assert.That((int)drafts["articlesCount"]!, Is.EqualTo(2));
            Assert.That(scheduledOnly.Slugs(), Is.EqualTo(new[] { scheduled }));
            Assert.That(publishedOnly.Slugs(), Is.EqualTo(new[] { published }));
        });
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Get, "/api/user/articles"),
            HttpStatusCode.Unauthorized,
            "token",
            "is missing"
        );
    }
}
