using System.Text.Json.Nodes;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.OpenApi;

/// <summary>The OpenAPI document describes every Conduit endpoint with its request body, success and error responses.</summary>
public sealed class OpenApiDocumentTests : ApiFixture
{
    private JsonNode _document = null!;

    [OneTimeSetUp]
    public async Task Load() => _document = await Client.GetOkAsync("/swagger/v1/swagger.json");

    [TestCase("/api/profiles/{username}", "get", "200", "404")]
    [TestCase("/api/profiles/{username}/follow", "post", "200", "401,404")]
    [TestCase("/api/profiles/{username}/follow", "delete", "200", "401,404")]
    [TestCase("/api/articles", "get", "200", "422")]
    [TestCase("/api/articles", "post", "201", "401,422")]
    [TestCase("/api/articles/feed", "get", "200", "401,422")]
    [TestCase("/api/articles/{slug}", "get", "200", "404")]
    [TestCase("/api/articles/{slug}", "put", "200", "401,403,404,422")]
    [TestCase("/api/articles/{slug}", "delete", "204", "401,403,404")]
    [TestCase("/api/articles/{slug}/comments", "get", "200", "404")]
    [TestCase("/api/articles/{slug}/comments", "post", "201", "401,404,422")]
    [TestCase("/api/articles/{slug}/comments/{id}", "delete", "204", "401,403,404")]
    [TestCase("/api/articles/{slug}/favorite", "post", "200", "401,404")]
    [TestCase("/api/articles/{slug}/favorite", "delete", "200", "401,404")]
    [TestCase("/api/tags", "get", "200", "")]
    public void Every_endpoint_is_documented_with_its_responses(string path, string method, string success, string errors)
    {
        var operation = _document["paths"]?[path]?[method];
        Assert.That(operation, Is.Not.Null, $"{method.ToUpperInvariant()} {path} is not in the document");
        var responses = operation!["responses"]!.AsObject();
        Assert.That(responses.ContainsKey(success), Is.True, $"{success} missing");
        foreach (var status in errors.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.That(responses.ContainsKey(status), Is.True, $"{method} {path}: {status} missing");
            Assert.That(responses[status]!.ToJsonString(), Does.Contain("ErrorBody"), $"{method} {path}: {status} has no error schema");
        }

        if (
            method is "post" or "put"
            && (
                path.EndsWith("/comments", StringComparison.Ordinal)
                || path.StartsWith("/api/articles", StringComparison.Ordinal) && !path.EndsWith("/favorite", StringComparison.Ordinal)
            )
        )
        {
            Assert.That(operation["requestBody"], Is.Not.Null, $"{method} {path} documents no request body");
        }
    }

    [Test]
    public void List_items_are_documented_without_body_and_single_articles_with_it()
    {
        var schemas = _document["components"]!["schemas"]!.AsObject();
        Assert.That(schemas["ArticleListItemDto"]!["properties"]!.AsObject().ContainsKey("body"), Is.False);
        Assert.That(schemas["ArticleDto"]!["properties"]!.AsObject().ContainsKey("body"), Is.True);
        Assert.That(schemas["ArticleDto"]!["properties"]!.AsObject().ContainsKey("tagList"), Is.True);
    }
}
