using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CleanApp.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>Drafts, schedules and roles for the publishing tests.</summary>
public static class PublishingHelpers
{
    /// <summary>The wire format of <c>publishAt</c> and the timestamps (shared/API.md).</summary>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>POST /api/articles with extra fields (<c>status</c>, <c>publishAt</c>); expects 201 and returns the article.</summary>
    public static async Task<JsonNode> WriteArticleAsync(
        this HttpClient client,
        string token,
        string? status = null,
        string? publishAt = null,
        string? title = null,
        string[]? tags = null,
        string body = "A body"
    )
    {
        var article = new JsonObject
        {
            ["title"] = title ?? ConduitHelpers.Unique("Title"),
            ["description"] = "A description",
            ["body"] = body,
            ["tagList"] = new JsonArray([.. (tags ?? []).Select(t => (JsonNode)t)]),
        };
        if (status is not null)
        {
            article["status"] = status;
        }

        if (publishAt is not null)
        {
            article["publishAt"] = publishAt;
        }

        var response = await client.SendAsync(
            HttpMethod.Post,
            "/api/articles",
            token,
            new JsonObject { ["article"] = article }.ToJsonString()
        );
        var json = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json?.ToJsonString());
        return json!["article"]!;
    }

    public static Task<HttpResponseMessage> UpdateArticleAsync(this HttpClient client, string token, string slug, JsonObject fields) =>
        client.SendAsync(HttpMethod.Put, $"/api/articles/{slug}", token, new JsonObject { ["article"] = fields }.ToJsonString());

    /// <summary>The slugs of a list response.</summary>
    public static string[] Slugs(this JsonNode page) => page["articles"]!.AsArray().Select(a => a!["slug"].Str()).ToArray();

    /// <summary>Gives a registered user a public API role through the same service as the <c>grant-role</c> command.</summary>
    public static async Task GrantRoleAsync(IServiceProvider services, string username, string role)
    {
        using var scope = services.CreateScope();
        var error = await scope.ServiceProvider.GetRequiredService<UserRoleGrants>().GrantAsync(username, role);
        Assert.That(error, Is.Null);
    }
}
