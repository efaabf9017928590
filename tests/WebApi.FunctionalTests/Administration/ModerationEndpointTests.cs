using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Administration;

/// <summary>
/// Flags and their resolution over HTTP: who may flag what, the moderators' queue, hidden content gone from every public
/// read but shown to its author (marked hidden), the author's email through the job engine, restore, and the audit rows.
/// </summary>
public sealed class ModerationEndpointTests : ApiFixture
{
    private TestUser _admin = null!;
    private TestUser _editor = null!;

    [OneTimeSetUp]
    public async Task CreateModerators()
    {
        _admin = await Accounts.CreateAdminAsync(Factory, Client);
        _editor = await Accounts.CreateEditorAsync(Client, _admin.Token);
    }

    [Test]
    public async Task Flagging_needs_a_token_refuses_your_own_content_and_keeps_one_open_flag_per_user_and_target()
    {
        var author = await Client.RegisterAsync("author");
        var reporter = await Client.RegisterAsync("reporter");
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var commentId = (await Client.AddCommentAsync(author.Token, slug))["id"]!.GetValue<int>();
        var body = new { flag = new { reason = "spam" } };

        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/flags", body: body),
            HttpStatusCode.Unauthorized,
            "token",
            "is missing"
        );
        await ApiAssert.ErrorBodyAsync(
            await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/flags", author.Token, body),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ErrorBodyAsync(
            await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/comments/{commentId}/flags", author.Token, body),
            HttpStatusCode.UnprocessableEntity
        );

        var first = await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/flags", reporter.Token, body);
        var second = await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/flags", reporter.Token, body);
        var onComment = await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/comments/{commentId}/flags", reporter.Token, body);
        var flag = (await first.ReadJsonAsync())!["flag"]!;

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(flag["status"].Str(), Is.EqualTo("open"));
            Assert.That(flag["reason"].Str(), Is.EqualTo("spam"));
            Assert.That(flag["reporter"].Str(), Is.EqualTo(reporter.Username));
            Assert.That(flag["target"]!["type"].Str(), Is.EqualTo("article"));
            Assert.That(flag["target"]!["slug"].Str(), Is.EqualTo(slug));
            Assert.That(flag["target"]!["author"].Str(), Is.EqualTo(author.Username));
            Assert.That(onComment.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a comment is another target");
        });
        await ApiAssert.ExactErrorAsync(second, HttpStatusCode.Conflict, "flag", "is already open for this content");
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Post, "/api/articles/no-such-article/flags", reporter.Token, body),
            HttpStatusCode.NotFound,
            "article",
            "not found"
        );
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/comments/999999/flags", reporter.Token, body),
            HttpStatusCode.NotFound,
            "comment",
            "not found"
        );
    }

    [Test]
    public async Task Only_editors_and_admins_see_and_resolve_the_queue()
    {
        var user = await Client.RegisterAsync("nosy");

        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Get, "/api/admin/flags"),
            HttpStatusCode.Unauthorized,
            "token",
            "is missing"
        );
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Get, "/api/admin/flags", user.Token),
            HttpStatusCode.Forbidden,
            "user",
            "forbidden"
        );
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(
                HttpMethod.Post,
                "/api/admin/flags/1/resolution",
                user.Token,
                new { resolution = new { action = "dismiss" } }
            ),
            HttpStatusCode.Forbidden,
            "user",
            "forbidden"
        );
        Assert.That((await Client.SendAsync(HttpMethod.Get, "/api/admin/flags", _editor.Token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.SendAsync(HttpMethod.Get, "/api/admin/flags", _admin.Token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(
                HttpMethod.Post,
                "/api/admin/flags/999999/resolution",
                _editor.Token,
                new { resolution = new { action = "dismiss" } }
            ),
            HttpStatusCode.NotFound,
            "flag",
            "not found"
        );
    }

    [Test]
    public async Task A_hidden_article_vanishes_from_every_public_read_stays_with_its_author_and_comes_back_when_restored()
    {
        var author = await Client.RegisterAsync("hidden");
        var reader = await Client.RegisterAsync("follower");
        var reporter = await Client.RegisterAsync("reporter");
        var tag = ConduitHelpers.Unique("tag");
        var article = await Client.CreateArticleAsync(author.Token, tags: [tag], body: "Buy cheap pills now");
        var slug = article["slug"].Str();
        await Client.AddCommentAsync(reader.Token, slug);
        await Client.FollowAsync(reader.Token, author.Username);
        var flagged = await Client.SendAsync(
            HttpMethod.Post,
            $"/api/articles/{slug}/flags",
            reporter.Token,
            new { flag = new { reason = "spam" } }
        );
        var flagId = (await flagged.ReadJsonAsync())!["flag"]!["id"]!.GetValue<int>();

        var queue = await Client.GetOkAsync("/api/admin/flags?limit=100", _editor.Token);
        var queued = queue["flags"]!.AsArray().Single(f => f!["id"]!.GetValue<int>() == flagId)!;
        Assert.Multiple(() =>
        {
            Assert.That(queued["target"]!["excerpt"].Str(), Is.EqualTo("Buy cheap pills now"));
            Assert.That(queued["target"]!["author"].Str(), Is.EqualTo(author.Username));
            Assert.That(queued["target"]!["hidden"]!.GetValue<bool>(), Is.False);
            var ids = queue["flags"]!.AsArray().Select(f => f!["id"]!.GetValue<int>()).ToList();
            Assert.That(ids, Is.Ordered.Ascending, "oldest first");
        });

        var hide = await Client.SendAsync(
            HttpMethod.Post,
            $"/api/admin/flags/{flagId}/resolution",
            _editor.Token,
            new { resolution = new { action = "hide", reason = "advertising" } }
        );
        var resolved = (await hide.ReadJsonAsync())!["flag"]!;
        Assert.That(hide.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(resolved["status"].Str(), Is.EqualTo("hidden"));
        Assert.That(resolved["resolution"].Str(), Is.EqualTo("advertising"));

        // Public reads, anonymous and signed in as someone else.
        foreach (var token in new[] { null, reader.Token })
        {
            await ApiAssert.ExactErrorAsync(
                await Client.SendAsync(HttpMethod.Get, $"/api/articles/{slug}", token),
                HttpStatusCode.NotFound,
                "article",
                "not found"
            );
            await ApiAssert.ExactErrorAsync(
                await Client.SendAsync(HttpMethod.Get, $"/api/articles/{slug}/comments", token),
                HttpStatusCode.NotFound,
                "article",
                "not found"
            );
            var byAuthor = await Client.GetOkAsync($"/api/articles?author={author.Username}", token);
            var byTag = await Client.GetOkAsync($"/api/articles?tag={tag}", token);
            Assert.That(byAuthor["articlesCount"]!.GetValue<int>(), Is.EqualTo(0));
            Assert.That(byTag["articlesCount"]!.GetValue<int>(), Is.EqualTo(0));
        }

        var feed = await Client.GetOkAsync("/api/articles/feed", reader.Token);
        var tags = await Client.GetOkAsync("/api/tags");
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/favorite", reader.Token),
            HttpStatusCode.NotFound,
            "article",
            "not found"
        );
        Assert.That(feed["articles"]!.AsArray().Select(a => a!["slug"].Str()), Does.Not.Contain(slug));
        Assert.That(tags["tags"].Strings(), Does.Not.Contain(tag));

        // Its author still sees it, marked hidden; public answers carry no `hidden` key at all.
        var own = await Client.GetOkAsync($"/api/articles/{slug}", author.Token);
        var ownList = await Client.GetOkAsync($"/api/articles?author={author.Username}", author.Token);
        Assert.Multiple(() =>
        {
            Assert.That(own["article"]!["hidden"]!.GetValue<bool>(), Is.True);
            Assert.That(ownList["articles"]![0]!["hidden"]!.GetValue<bool>(), Is.True);
            Assert.That(ownList["articlesCount"]!.GetValue<int>(), Is.EqualTo(1));
        });

        // The author is told through the job engine.
        var jobs = await HangfireJobs.WaitForFinishedAsync(Factory.Services, 1, "email.content-hidden");
        var mail = Directory
            .GetFiles(Factory.MailDirectory, "*.eml")
            .Select(File.ReadAllText)
            .Where(t =>
                t.Contains($"To: {author.Email}", StringComparison.Ordinal)
                && t.Contains("Subject: A moderator hid", StringComparison.Ordinal)
            )
            .ToList();
        Assert.That(jobs.Select(j => j.Payload), Has.Some.Contains(flagId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(mail, Has.Count.EqualTo(1));

        // Restored: public again, without the hidden mark.
        var restore = await Client.SendAsync(HttpMethod.Post, $"/api/admin/articles/{slug}/restore", _editor.Token);
        var again = await Client.GetOkAsync($"/api/articles/{slug}");
        var restoreAgain = await Client.SendAsync(HttpMethod.Post, $"/api/admin/articles/{slug}/restore", _editor.Token);
        Assert.That(restore.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(again["article"]!.AsObject().ContainsKey("hidden"), Is.False);
        Assert.That((await Client.GetOkAsync("/api/tags"))["tags"].Strings(), Does.Contain(tag));
        await ApiAssert.ErrorBodyAsync(restoreAgain, HttpStatusCode.Conflict);

        var audit = await Accounts.AuditAsync(Client, _admin.Token, slug);
        Assert.That(
            audit.Select(e => (e["action"].Str(), e["actor"].Str(), e["target"].Str())),
            Is.EqualTo(new[] { ("flag.hide", _editor.Email, $"article {slug}"), ("article.restore", _editor.Email, $"article {slug}") })
        );
        Assert.That(audit[0]["reason"].Str(), Is.EqualTo("advertising"));
    }

    [Test]
    public async Task A_hidden_comment_is_gone_from_the_public_list_but_shown_to_its_author_and_a_deleted_one_is_gone()
    {
        var author = await Client.RegisterAsync("writer");
        var commenter = await Client.RegisterAsync("commenter");
        var reporter = await Client.RegisterAsync("reporter");
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var hiddenId = (await Client.AddCommentAsync(commenter.Token, slug, "rude words"))["id"]!.GetValue<int>();
        var deletedId = (await Client.AddCommentAsync(commenter.Token, slug, "worse words"))["id"]!.GetValue<int>();
        var keptId = (await Client.AddCommentAsync(commenter.Token, slug, "fine words"))["id"]!.GetValue<int>();

        async Task<int> FlagAsync(int id, string token)
        {
            var response = await Client.SendAsync(
                HttpMethod.Post,
                $"/api/articles/{slug}/comments/{id}/flags",
                token,
                new { flag = new { reason = "rude" } }
            );
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            return (await response.ReadJsonAsync())!["flag"]!["id"]!.GetValue<int>();
        }

        var hideFlag = await FlagAsync(hiddenId, reporter.Token);
        var secondFlagOnHidden = await FlagAsync(hiddenId, author.Token);
        var deleteFlag = await FlagAsync(deletedId, reporter.Token);
        var dismissFlag = await FlagAsync(keptId, reporter.Token);

        async Task<HttpResponseMessage> ResolveAsync(int flag, string action) =>
            await Client.SendAsync(
                HttpMethod.Post,
                $"/api/admin/flags/{flag}/resolution",
                _admin.Token,
                new { resolution = new { action } }
            );

        Assert.That((await ResolveAsync(hideFlag, "hide")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ResolveAsync(deleteFlag, "delete")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ResolveAsync(dismissFlag, "dismiss")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ApiAssert.ExactErrorAsync(
            await ResolveAsync(secondFlagOnHidden, "dismiss"),
            HttpStatusCode.Conflict,
            "flag",
            "is already resolved"
        );

        var publicComments = await Client.GetOkAsync($"/api/articles/{slug}/comments", reporter.Token);
        var ownComments = await Client.GetOkAsync($"/api/articles/{slug}/comments", commenter.Token);
        Assert.Multiple(() =>
        {
            Assert.That(publicComments["comments"]!.AsArray().Select(c => c!["id"]!.GetValue<int>()), Is.EqualTo(new[] { keptId }));
            Assert.That(publicComments["comments"]![0]!.AsObject().ContainsKey("hidden"), Is.False);
            var own = ownComments["comments"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<int>(), c => c!["hidden"]?.GetValue<bool>());
            Assert.That(own, Is.EquivalentTo(new Dictionary<int, bool?> { [hiddenId] = true, [keptId] = null }));
        });

        var restore = await Client.SendAsync(HttpMethod.Post, $"/api/admin/articles/{slug}/comments/{hiddenId}/restore", _editor.Token);
        Assert.That(restore.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var afterRestore = await Client.GetOkAsync($"/api/articles/{slug}/comments");
        Assert.That(
            afterRestore["comments"]!.AsArray().Select(c => c!["id"]!.GetValue<int>()),
            Is.EquivalentTo(new[] { hiddenId, keptId })
        );

        var resolvedQueue = await Client.GetOkAsync("/api/admin/flags?status=resolved&limit=100", _editor.Token);
        var statuses = resolvedQueue["flags"]!
            .AsArray()
            .Where(f => f!["target"]!["slug"].Str() == slug)
            .ToDictionary(f => f!["id"]!.GetValue<int>(), f => f!["status"].Str());
        Assert.That(
            statuses,
            Is.EquivalentTo(
                new Dictionary<int, string>
                {
                    [hideFlag] = "hidden",
                    [secondFlagOnHidden] = "hidden",
                    [deleteFlag] = "deleted",
                    [dismissFlag] = "dismissed",
                }
            ),
            "hiding resolves every open flag on the same comment"
        );

        var audit = await Accounts.AuditAsync(Client, _admin.Token, $"on article {slug}");
        Assert.That(
            audit.Select(e => e["action"].Str()),
            Is.EqualTo(new[] { "flag.hide", "flag.delete", "flag.dismiss", "comment.restore" })
        );
    }

    [Test]
    public async Task Delete_applies_to_comments_only()
    {
        var author = await Client.RegisterAsync("author");
        var reporter = await Client.RegisterAsync("reporter");
        var slug = (await Client.CreateArticleAsync(author.Token))["slug"].Str();
        var flag = await Client.SendAsync(
            HttpMethod.Post,
            $"/api/articles/{slug}/flags",
            reporter.Token,
            new { flag = new { reason = "spam" } }
        );
        var id = (await flag.ReadJsonAsync())!["flag"]!["id"]!.GetValue<int>();

        var response = await Client.SendAsync(
            HttpMethod.Post,
            $"/api/admin/flags/{id}/resolution",
            _editor.Token,
            new { resolution = new { action = "delete" } }
        );

        var errors = await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "action" }));
        Assert.That((await Client.GetOkAsync($"/api/articles/{slug}"))["article"]!["slug"].Str(), Is.EqualTo(slug), "nothing changed");
    }
}
