using System.Net;
using System.Text.Json.Nodes;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.WebApi.FunctionalTests.Search;

/// <summary>
/// GET /api/search on the real SQLite FTS5 index (ADR 0041), one host and file for this fixture: ranking by where the
/// word is (title, tags, description, body), highlighting, filters, visibility, paging, and the index following every
/// write in the same transaction (create, edit, retag, delete, unpublish). Words are made up so that nothing but this
/// fixture's articles can match.
/// </summary>
public sealed class SearchTests : ApiFixture
{
    private TestUser _author = null!;
    private TestUser _other = null!;
    private string _inTitle = null!;
    private string _inTags = null!;
    private string _inDescription = null!;
    private string _inBody = null!;

    protected override void Configure(CleanAppFactory factory) => factory.WithSetting("Jobs:Enabled", "false");

    [OneTimeSetUp]
    public async Task Arrange()
    {
        _author = await Client.RegisterAsync("author");
        _other = await Client.RegisterAsync("other");

        // The same lengths in every column, so only where the word is decides the order.
        _inTitle = await WriteAsync(_author, "Quokka notes here", "Plain words about things", "Ordinary text about life today", ["misc"]);
        _inTags = await WriteAsync(_author, "Marsh notes here", "Plain words about things", "Ordinary text about life today", ["quokka"]);
        _inDescription = await WriteAsync(
            _other,
            "Heath notes here",
            "Plain words about quokka",
            "Ordinary text about life today",
            ["misc"]
        );
        _inBody = await WriteAsync(_other, "Ridge notes here", "Plain words about things", "Ordinary text about quokka today", ["misc"]);
    }

    [Test]
    public async Task Hits_are_ranked_title_then_tags_then_description_then_body()
    {
        var page = await SearchAsync("q=quokka");

        Assert.That(page.Slugs(), Is.EqualTo(new[] { _inTitle, _inTags, _inDescription, _inBody }));
        Assert.That((int)page["articlesCount"]!, Is.EqualTo(4));
    }

    [Test]
    public async Task A_hit_has_the_list_item_shape_plus_a_highlight_with_the_matched_words_marked()
    {
        var hit = (await SearchAsync("q=QUOKKA"))["articles"]![3]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(hit["slug"].Str(), Is.EqualTo(_inBody));
            Assert.That(hit.ContainsKey("body"), Is.False, "list items carry no body");
            Assert.That(hit["highlight"].Str(), Is.EqualTo("Ordinary text about <mark>quokka</mark> today"));
            Assert.That(hit["author"]!["username"].Str(), Is.EqualTo(_other.Username));
            Assert.That(hit["status"].Str(), Is.EqualTo("published"));
        });
    }

    [Test]
    public async Task Every_word_must_match_and_punctuation_only_separates_words()
    {
        Assert.That((await SearchAsync("q=quokka%20today")).Slugs(), Is.EquivalentTo(new[] { _inTitle, _inTags, _inDescription, _inBody }));
        Assert.That((await SearchAsync("q=quokka%20marsh")).Slugs(), Is.EqualTo(new[] { _inTags }));
        Assert.That((await SearchAsync("q=%22quokka%22%20(marsh")).Slugs(), Is.EqualTo(new[] { _inTags }));
        Assert.That((await SearchAsync("q=quokka%20OR%20marsh")).Slugs(), Is.Empty, "OR is a word, and no article has it");
        Assert.That((int)(await SearchAsync("q=quokka%20wombat"))["articlesCount"]!, Is.EqualTo(0));
    }

    [Test]
    public async Task Tag_and_author_filters_combine_with_the_words()
    {
        Assert.That((await SearchAsync("q=quokka&tag=misc")).Slugs(), Is.EqualTo(new[] { _inTitle, _inDescription, _inBody }));
        Assert.That((await SearchAsync($"q=quokka&author={_other.Username}")).Slugs(), Is.EqualTo(new[] { _inDescription, _inBody }));
        Assert.That((await SearchAsync($"q=quokka&tag=quokka&author={_other.Username}")).Slugs(), Is.Empty);
        Assert.That((int)(await SearchAsync("q=quokka&author=nobody-at-all"))["articlesCount"]!, Is.EqualTo(0));
    }

    [Test]
    public async Task Limit_and_offset_page_through_the_ranking_and_the_count_is_the_total()
    {
        var page = await SearchAsync("q=quokka&limit=2&offset=1");

        Assert.That(page.Slugs(), Is.EqualTo(new[] { _inTags, _inDescription }));
        Assert.That((int)page["articlesCount"]!, Is.EqualTo(4));
        Assert.That((await SearchAsync("q=quokka&offset=4")).Slugs(), Is.Empty);
    }

    [Test]
    public async Task Drafts_and_scheduled_articles_are_never_found_even_by_their_author()
    {
        await Client.WriteArticleAsync(_author.Token, status: "draft", body: "a draft about a numbat");
        await Client.WriteArticleAsync(
            _author.Token,
            publishAt: PublishingHelpers.Iso(DateTimeOffset.UtcNow.AddDays(2)),
            body: "a schedule about a numbat"
        );

        var page = await SearchAsync("q=numbat", _author.Token);

        Assert.That((int)page["articlesCount"]!, Is.EqualTo(0));
    }

    [Test]
    public async Task The_index_follows_edits_retagging_unpublishing_and_deletion()
    {
        var slug = await WriteAsync(_author, "A bilby story", "About a bilby", "The bilby digs", ["desert"]);
        Assert.That((await SearchAsync("q=bilby")).Slugs(), Is.EqualTo(new[] { slug }));

        var edited = await Client.UpdateArticleAsync(
            _author.Token,
            slug,
            new JsonObject { ["body"] = "The dunnart digs", ["tagList"] = new JsonArray("potoroo") }
        );
        Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SearchAsync("q=dunnart")).Slugs(), Is.EqualTo(new[] { slug }), "new body word");
        Assert.That((await SearchAsync("q=potoroo")).Slugs(), Is.EqualTo(new[] { slug }), "new tag");
        Assert.That((await SearchAsync("q=desert")).Slugs(), Is.Empty, "old tag");
        Assert.That((await SearchAsync("q=digs%20bilby")).Slugs(), Is.EqualTo(new[] { slug }), "title still has bilby");
        Assert.That((await SearchAsync("q=dunnart")).Slugs(), Is.EqualTo(new[] { slug }));

        await Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/unpublish", _author.Token);
        Assert.That((await SearchAsync("q=dunnart")).Slugs(), Is.Empty, "unpublished");
        await Client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/publish", _author.Token);
        Assert.That((await SearchAsync("q=dunnart")).Slugs(), Is.EqualTo(new[] { slug }), "published again");

        var deleted = await Client.SendAsync(HttpMethod.Delete, $"/api/articles/{slug}", _author.Token);
        Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await SearchAsync("q=dunnart")).Slugs(), Is.Empty, "deleted");
        var indexed = await Factory.QueryAsync(db =>
            db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM \"ArticleSearch\" WHERE \"ArticleSearch\" MATCH 'dunnart'")
                .SingleAsync()
        );
        Assert.That(indexed, Is.EqualTo(0), "no row left in the index");
    }

    [Test]
    public async Task Accents_and_case_are_ignored_and_markup_in_the_text_is_escaped_in_the_highlight()
    {
        var slug = await WriteAsync(_author, "Café wallaby", "Desc", "Tom & Jerry <b>met</b> a Wallaby", ["x"]);

        var hit = (await SearchAsync("q=cafe%20WALLABY"))["articles"]![0]!;

        Assert.That(hit["slug"].Str(), Is.EqualTo(slug));
        Assert.That(hit["highlight"].Str(), Is.EqualTo("<mark>Café</mark> <mark>wallaby</mark>"), "the title has the most matches");
        var body = (await SearchAsync("q=jerry"))["articles"]![0]!["highlight"].Str();
        Assert.That(body, Is.EqualTo("Tom &amp; <mark>Jerry</mark> &lt;b&gt;met&lt;/b&gt; a Wallaby"));
    }

    private async Task<string> WriteAsync(TestUser author, string title, string description, string body, string[] tags)
    {
        var response = await Client.SendAsync(
            HttpMethod.Post,
            "/api/articles",
            author.Token,
            new JsonObject
            {
                ["article"] = new JsonObject
                {
                    ["title"] = title,
                    ["description"] = description,
                    ["body"] = body,
                    ["tagList"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]),
                },
            }.ToJsonString()
        );
        var json = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json?.ToJsonString());
        return json!["article"]!["slug"].Str();
    }

    private Task<JsonNode> SearchAsync(string query, string? token = null) => Client.GetOkAsync($"/api/search?{query}", token);
}
