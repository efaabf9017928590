using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>
/// Every row of the error table in shared/API.md beyond accounts, and the order of checks: authentication (401), then
/// existence (404), then ownership (403). A refused request changes nothing: every test but the bodiless-endpoint one
/// (whose requests succeed) leaves every stored account, article, tag, comment, favorite and follow as it was.
/// </summary>
public sealed class ErrorContractTests : ApiFixture
{
    private TestUser _author = null!;
    private TestUser _other = null!;
    private string _slug = null!;
    private int _commentId;
    private string _before = null!;

    [SetUp]
    public async Task Fingerprint() => _before = await Factory.DatabaseFingerprintAsync();

    [TearDown]
    public async Task NothingChanged()
    {
        if (TestContext.CurrentContext.Test.MethodName == nameof(Bodiless_endpoints_ignore_a_json_content_type_with_no_body))
        {
            return;
        }

        Assert.That(await Factory.DatabaseFingerprintAsync(), Is.EqualTo(_before), "a refused request must change nothing");
    }

    [OneTimeSetUp]
    public async Task Arrange()
    {
        _author = await Client.RegisterAsync("author");
        _other = await Client.RegisterAsync("other");
        _slug = (await Client.CreateArticleAsync(_author.Token, tags: ["keep"]))["slug"].Str();
        _commentId = (await Client.AddCommentAsync(_author.Token, _slug, "keep me"))["id"]!.GetValue<int>();
    }

    private static readonly object[] AuthRequired =
    [
        new object[] { "GET", "/api/articles/feed" },
        new object[] { "POST", "/api/articles" },
        new object[] { "PUT", "/api/articles/{slug}" },
        new object[] { "DELETE", "/api/articles/{slug}" },
        new object[] { "POST", "/api/articles/{slug}/comments" },
        new object[] { "DELETE", "/api/articles/{slug}/comments/{id}" },
        new object[] { "POST", "/api/articles/{slug}/favorite" },
        new object[] { "DELETE", "/api/articles/{slug}/favorite" },
        new object[] { "POST", "/api/profiles/{username}/follow" },
        new object[] { "DELETE", "/api/profiles/{username}/follow" },
    ];

    [TestCaseSource(nameof(AuthRequired))]
    public async Task Without_a_token_it_is_401_token_is_missing(string method, string route)
    {
        var response = await Client.SendAsync(new HttpMethod(method), Url(route), body: BodyFor(method, route));
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "token", "is missing");
    }

    [TestCaseSource(nameof(AuthRequired))]
    public async Task Without_a_token_on_an_unknown_resource_it_is_still_401(string method, string route)
    {
        var url = route
            .Replace("{slug}", "no-such-slug", StringComparison.Ordinal)
            .Replace("{id}", "999999", StringComparison.Ordinal)
            .Replace("{username}", "no_such_user", StringComparison.Ordinal);
        var response = await Client.SendAsync(new HttpMethod(method), url, body: BodyFor(method, route));
        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "token", "is missing");
    }

    [TestCase("GET", "/api/articles/no-such-slug")]
    [TestCase("PUT", "/api/articles/no-such-slug")]
    [TestCase("DELETE", "/api/articles/no-such-slug")]
    [TestCase("POST", "/api/articles/no-such-slug/favorite")]
    [TestCase("DELETE", "/api/articles/no-such-slug/favorite")]
    [TestCase("GET", "/api/articles/no-such-slug/comments")]
    [TestCase("POST", "/api/articles/no-such-slug/comments")]
    [TestCase("DELETE", "/api/articles/no-such-slug/comments/1")]
    public async Task Unknown_slug_is_404_article_not_found(string method, string url)
    {
        var response = await Client.SendAsync(new HttpMethod(method), url, _other.Token, BodyFor(method, url));
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "article", "not found");
    }

    [TestCase("999999")]
    [TestCase("abc")]
    [TestCase("-1")]
    public async Task Unknown_comment_on_an_existing_article_is_404_comment_not_found(string id)
    {
        var response = await Client.SendAsync(HttpMethod.Delete, $"/api/articles/{_slug}/comments/{id}", _author.Token);
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "comment", "not found");
    }

    [TestCase("GET", "/api/profiles/no_such_user_x")]
    [TestCase("POST", "/api/profiles/no_such_user_x/follow")]
    [TestCase("DELETE", "/api/profiles/no_such_user_x/follow")]
    public async Task Unknown_username_is_404_profile_not_found(string method, string url)
    {
        var response = await Client.SendAsync(new HttpMethod(method), url, _other.Token);
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "profile", "not found");
    }

    [Test]
    public async Task Updating_someone_elses_article_is_403_and_changes_nothing()
    {
        var response = await Client.SendAsync(
            HttpMethod.Put,
            $"/api/articles/{_slug}",
            _other.Token,
            new { article = new { title = "Hijacked", body = "x" } }
        );
        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "article", "forbidden");
        var article = (await Client.GetOkAsync($"/api/articles/{_slug}"))["article"]!;
        Assert.That(article["body"].Str(), Is.EqualTo("A body"));
    }

    [Test]
    public async Task Deleting_someone_elses_article_is_403_and_it_survives()
    {
        await (await Client.SendAsync(HttpMethod.Delete, $"/api/articles/{_slug}", _other.Token)).AssertErrorAsync(
            HttpStatusCode.Forbidden,
            "article",
            "forbidden"
        );
        await Client.GetOkAsync($"/api/articles/{_slug}");
    }

    [Test]
    public async Task Deleting_someone_elses_comment_is_403_and_it_survives()
    {
        await (await Client.SendAsync(HttpMethod.Delete, $"/api/articles/{_slug}/comments/{_commentId}", _other.Token)).AssertErrorAsync(
            HttpStatusCode.Forbidden,
            "comment",
            "forbidden"
        );
        var comments = (await Client.GetOkAsync($"/api/articles/{_slug}/comments"))["comments"]!.AsArray();
        Assert.That(comments.Select(c => c!["id"]!.GetValue<int>()), Does.Contain(_commentId));
    }

    [TestCase("title")]
    [TestCase("description")]
    [TestCase("body")]
    public async Task Create_article_with_a_blank_field_is_422_cant_be_blank(string field)
    {
        foreach (var blank in new[] { "\"\"", "null", "\"   \"" })
        {
            var fields = new Dictionary<string, string>
            {
                ["title"] = "\"T\"",
                ["description"] = "\"D\"",
                ["body"] = "\"B\"",
            };
            fields[field] = blank;
            var json = "{\"article\":{" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}}";
            var response = await Client.SendAsync(HttpMethod.Post, "/api/articles", _author.Token, ApiClient.Json(json));
            await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, field, "can't be blank");
        }

        var missing = await Client.SendAsync(HttpMethod.Post, "/api/articles", _author.Token, new { article = new { } });
        var errors = await ApiAssert.ErrorBodyAsync(missing, HttpStatusCode.UnprocessableEntity);
        Assert.That(
            errors.ToJsonString(),
            Is.EqualTo(
                new JsonObject
                {
                    ["title"] = new JsonArray("can't be blank"),
                    ["description"] = new JsonArray("can't be blank"),
                    ["body"] = new JsonArray("can't be blank"),
                }.ToJsonString()
            )
        );
    }

    [Test]
    public async Task Create_comment_with_a_blank_body_is_422_cant_be_blank()
    {
        var response = await Client.SendAsync(
            HttpMethod.Post,
            $"/api/articles/{_slug}/comments",
            _author.Token,
            new { comment = new { body = "" } }
        );
        await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "body", "can't be blank");
    }

    [Test]
    public async Task Update_with_tagList_null_is_422_and_keeps_the_tags()
    {
        var response = await Client.SendAsync(
            HttpMethod.Put,
            $"/api/articles/{_slug}",
            _author.Token,
            ApiClient.Json("{\"article\":{\"tagList\":null}}")
        );
        await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "tagList");
        var article = (await Client.GetOkAsync($"/api/articles/{_slug}"))["article"]!;
        Assert.That(article["tagList"].Strings(), Is.EqualTo(new[] { "keep" }));
    }

    [TestCase("title", "")]
    [TestCase("title", null)]
    [TestCase("description", "")]
    [TestCase("body", "  ")]
    public async Task Update_with_a_blank_field_is_422(string field, string? value)
    {
        var json = $"{{\"article\":{{\"{field}\":{(value is null ? "null" : $"\"{value}\"")}}}}}";
        var response = await Client.SendAsync(HttpMethod.Put, $"/api/articles/{_slug}", _author.Token, ApiClient.Json(json));
        await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, field, "can't be blank");
    }

    [TestCase("{\"article\":{\"title\":1,\"description\":\"d\",\"body\":\"b\"}}", "title")]
    [TestCase("{\"article\":{\"title\":\"t\",\"description\":true,\"body\":\"b\"}}", "description")]
    [TestCase("{\"article\":{\"title\":\"t\",\"description\":\"d\",\"body\":{}}}", "body")]
    [TestCase("{\"article\":{\"title\":\"t\",\"description\":\"d\",\"body\":\"b\",\"tagList\":\"a\"}}", "tagList")]
    [TestCase("{\"article\":{\"title\":\"t\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[1]}}", "tagList")]
    [TestCase("{\"article\":{\"title\":\"t\",\"description\":\"d\",\"body\":\"b\",\"tagList\":[\"\"]}}", "tagList")]
    [TestCase("{\"article\":{\"title\":\"t\",\"description\":\"d\",\"body\":\"b\",\"tagList\":null}}", "tagList")]
    [TestCase("{\"article\":[]}", "article")]
    [TestCase("{}", "article")]
    public async Task Create_with_wrong_json_types_is_422_naming_the_field(string json, string key)
    {
        var before = await CountAsync();
        await (await Client.SendAsync(HttpMethod.Post, "/api/articles", _author.Token, ApiClient.Json(json))).AssertErrorAsync(
            HttpStatusCode.UnprocessableEntity,
            key
        );
        Assert.That(await CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Comment_with_a_wrong_json_type_is_422_naming_the_field()
    {
        await (
            await Client.SendAsync(
                HttpMethod.Post,
                $"/api/articles/{_slug}/comments",
                _author.Token,
                ApiClient.Json("{\"comment\":{\"body\":42}}")
            )
        ).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "body");
    }

    [TestCase("title", 257)]
    [TestCase("description", 1025)]
    [TestCase("body", 65537)]
    public async Task Over_long_article_fields_are_422(string field, int length)
    {
        var fields = new Dictionary<string, object>
        {
            ["title"] = "T",
            ["description"] = "D",
            ["body"] = "B",
        };
        fields[field] = new string('x', length);
        var before = await CountAsync();
        await (await Client.SendAsync(HttpMethod.Post, "/api/articles", _author.Token, new { article = fields })).AssertErrorAsync(
            HttpStatusCode.UnprocessableEntity,
            field
        );
        Assert.That(await CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Over_long_or_too_many_tags_and_over_long_comments_are_422()
    {
        await (
            await Client.SendAsync(
                HttpMethod.Post,
                "/api/articles",
                _author.Token,
                new
                {
                    article = new
                    {
                        title = "T",
                        description = "D",
                        body = "B",
                        tagList = new[] { new string('t', 65) },
                    },
                }
            )
        ).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "tagList");
        await (
            await Client.SendAsync(
                HttpMethod.Post,
                "/api/articles",
                _author.Token,
                new
                {
                    article = new
                    {
                        title = "T",
                        description = "D",
                        body = "B",
                        tagList = Enumerable.Range(0, 33).Select(i => $"t{i}").ToArray(),
                    },
                }
            )
        ).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "tagList");
        await (
            await Client.SendAsync(
                HttpMethod.Post,
                $"/api/articles/{_slug}/comments",
                _author.Token,
                new { comment = new { body = new string('c', 8193) } }
            )
        ).AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "body");
    }

    [Test]
    public async Task Malformed_json_unsupported_media_type_and_oversized_bodies_are_refused_with_an_error_body()
    {
        await (await Client.SendAsync(HttpMethod.Post, "/api/articles", _author.Token, ApiClient.Json("{\"article\":"))).AssertErrorAsync(
            HttpStatusCode.BadRequest,
            "body"
        );
        await (
            await Client.SendAsync(
                HttpMethod.Post,
                "/api/articles",
                _author.Token,
                new StringContent("title=x", Encoding.UTF8, "text/plain")
            )
        ).AssertErrorAsync(HttpStatusCode.UnsupportedMediaType, "body");
        var huge = new
        {
            article = new
            {
                title = "T",
                description = "D",
                body = new string('x', 2 * 1024 * 1024),
            },
        };
        var response = await Client.SendAsync(HttpMethod.Post, "/api/articles", _author.Token, huge);
        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [TestCase("POST", "/api/articles", "{\"article\":{\"title\":\"\\ud800\",\"description\":\"d\",\"body\":\"b\"}}", "title")]
    [TestCase("PUT", "/api/articles/{slug}", "{\"article\":{\"title\":\"\\udfff x\"}}", "title")]
    [TestCase("POST", "/api/articles/{slug}/comments", "{\"comment\":{\"body\":\"\\ud800\"}}", "body")]
    public async Task A_lone_surrogate_escape_is_422_naming_the_field_and_changes_nothing(
        string method,
        string route,
        string json,
        string field
    )
    {
        var response = await Client.SendAsync(new HttpMethod(method), Url(route), _author.Token, ApiClient.Json(json));
        await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, field, "contains invalid text");
    }

    [Test]
    public async Task Invalid_utf8_bytes_in_a_field_are_a_422_naming_it_and_change_nothing()
    {
        var content = new ByteArrayContent([
            .. Encoding.UTF8.GetBytes("{\"article\":{\"title\":\""),
            0xC3,
            0x28,
            .. Encoding.UTF8.GetBytes("\",\"description\":\"d\",\"body\":\"b\"}}"),
        ]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var before = await CountAsync();
        var response = await Client.SendAsync(HttpMethod.Post, "/api/articles", _author.Token, content);
        await response.AssertErrorAsync(HttpStatusCode.UnprocessableEntity, "title");
        Assert.That(await CountAsync(), Is.EqualTo(before));
    }

    [TestCase("GET", "/api/articles")]
    [TestCase("GET", "/api/articles/feed")]
    [TestCase("GET", "/api/articles/{slug}")]
    [TestCase("GET", "/api/articles/{slug}/comments")]
    [TestCase("GET", "/api/profiles/{username}")]
    [TestCase("GET", "/api/tags")]
    [TestCase("POST", "/api/articles/{slug}/favorite")]
    [TestCase("DELETE", "/api/articles/{slug}/favorite")]
    [TestCase("POST", "/api/profiles/{username}/follow")]
    [TestCase("DELETE", "/api/profiles/{username}/follow")]
    public async Task Bodiless_endpoints_ignore_a_json_content_type_with_no_body(string method, string route)
    {
        var content = new ByteArrayContent([]);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var request = new HttpRequestMessage(
            new HttpMethod(method),
            Url(route).Replace(_author.Username, _other.Username, StringComparison.Ordinal)
        )
        {
            Content = content,
        }.WithToken(_author.Token);

        var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Unknown_routes_and_methods_have_an_error_body()
    {
        await (await Client.SendAsync(HttpMethod.Get, "/api/nothing-here")).AssertErrorAsync(HttpStatusCode.NotFound, "route");
        await (await Client.SendAsync(HttpMethod.Patch, "/api/tags")).AssertErrorAsync(
            HttpStatusCode.MethodNotAllowed,
            "method",
            "not allowed"
        );
    }

    private async Task<int> CountAsync() =>
        (await Client.GetOkAsync($"/api/articles?author={_author.Username}"))["articlesCount"]!.GetValue<int>();

    private string Url(string route) =>
        route
            .Replace("{slug}", _slug, StringComparison.Ordinal)
            .Replace("{id}", _commentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{username}", _author.Username, StringComparison.Ordinal);

    private static object? BodyFor(string method, string route) =>
        (method, route) switch
        {
            ("POST", "/api/articles") => new
            {
                article = new
                {
                    title = "T",
                    description = "D",
                    body = "B",
                },
            },
            ("PUT", _) => new { article = new { body = "B2" } },
            ("POST", _) when route.EndsWith("/comments", StringComparison.Ordinal) => new { comment = new { body = "c" } },
            _ => null,
        };
}
