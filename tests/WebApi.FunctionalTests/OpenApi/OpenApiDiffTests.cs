using System.Text.Json.Nodes;

namespace CleanApp.WebApi.FunctionalTests.OpenApi;

/// <summary>The breaking-change check finds the changes a generated client trips over, on the committed document itself.</summary>
public sealed class OpenApiDiffTests
{
    private static JsonNode Committed() => JsonNode.Parse(File.ReadAllText(CommittedDocumentTests.CommittedPath))!;

    private static List<OpenApiChange> Breaking(JsonNode after) => [.. OpenApiDiff.Compare(Committed(), after).Where(c => c.Breaking)];

    [Test]
    public void The_committed_document_has_no_change_against_itself() =>
        Assert.That(OpenApiDiff.Compare(Committed(), Committed()), Is.Empty);

    [Test]
    public void A_removed_path_is_breaking()
    {
        var after = Committed();
        after["paths"]!.AsObject().Remove("/api/tags");
        Assert.That(Breaking(after).Select(c => c.Text), Has.Some.EqualTo("path /api/tags removed"));
    }

    [Test]
    public void A_narrowed_parameter_is_breaking()
    {
        var after = Committed();
        var limit = after["paths"]!["/api/articles"]!["get"]!["parameters"]!.AsArray().First(p => (string?)p!["name"] == "limit")!;
        limit["schema"]!["maximum"] = 50;
        Assert.That(Breaking(after).Select(c => c.Text), Has.Some.Contains("parameter query:limit: maximum narrowed from 100 to 50"));
    }

    [Test]
    public void A_changed_property_type_is_breaking()
    {
        var after = Committed();
        after["components"]!["schemas"]!["ArticleDto"]!["properties"]!["favoritesCount"] = new JsonObject { ["type"] = "string" };
        Assert.That(Breaking(after).Select(c => c.Text), Has.Some.Contains("schema ArticleDto.favoritesCount: type changed"));
    }

    [Test]
    public void A_new_required_field_is_breaking()
    {
        var after = Committed();
        var schema = after["components"]!["schemas"]!["NewCommentFields"]!.AsObject();
        schema["required"] = new JsonArray("body", "rating");
        schema["properties"]!["rating"] = new JsonObject { ["type"] = "integer" };
        Assert.That(Breaking(after).Select(c => c.Text), Has.Some.EqualTo("schema NewCommentFields: new required field rating"));
    }

    [Test]
    public void Stricter_security_is_breaking_and_an_added_path_is_not()
    {
        var after = Committed();
        after["paths"]!["/api/tags"]!["get"]!["security"] = new JsonArray(new JsonObject { ["Token"] = new JsonArray() });
        after["paths"]!["/api/new"] = after["paths"]!["/api/tags"]!.DeepClone();
        var changes = OpenApiDiff.Compare(Committed(), after);
        Assert.That(changes, Has.Some.EqualTo(new OpenApiChange(true, "GET /api/tags: security none -> required")));
        Assert.That(changes, Has.Some.EqualTo(new OpenApiChange(false, "path /api/new added")));
    }
}
