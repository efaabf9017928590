using System.Net;
using System.Text.Json.Nodes;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>Conduit-specific helpers over <see cref="ApiClient"/>: create articles, follow, favorite, assert error bodies.</summary>
public static class ConduitHelpers
{
    public const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    public static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    /// <summary>Creates an article (expects 201) and returns the <c>article</c> object.</summary>
    public static async Task<JsonNode> CreateArticleAsync(
        this HttpClient client,
        string token,
        string? title = null,
        string[]? tags = null,
        string description = "A description",
        string body = "A body"
    )
    {
        title ??= Unique("Title");
        object article = tags is null
            ? new
            {
                title,
                description,
                body,
            }
            : new
            {
                title,
                description,
                body,
                tagList = tags,
            };
        var response = await client.SendAsync(HttpMethod.Post, "/api/articles", token, new { article });
        var json = await response.ReadJsonAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Create article failed: {(int)response.StatusCode} {json}");
        }

        return json!["article"]!;
    }

    /// <summary>GET that must answer 200; returns the parsed body.</summary>
    public static async Task<JsonNode> GetOkAsync(this HttpClient client, string url, string? token = null)
    {
        var response = await client.SendAsync(HttpMethod.Get, url, token);
        var json = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {url}: {json}");
        return json!;
    }

    public static async Task<JsonNode> SendOkAsync(this HttpClient client, HttpMethod method, string url, string token)
    {
        var response = await client.SendAsync(method, url, token);
        var json = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{method} {url}: {json}");
        return json!;
    }

    public static Task<JsonNode> FollowAsync(this HttpClient client, string token, string username) =>
        client.SendOkAsync(HttpMethod.Post, $"/api/profiles/{username}/follow", token);

    public static Task<JsonNode> FavoriteAsync(this HttpClient client, string token, string slug) =>
        client.SendOkAsync(HttpMethod.Post, $"/api/articles/{slug}/favorite", token);

    public static async Task<JsonNode> AddCommentAsync(this HttpClient client, string token, string slug, string body = "A comment")
    {
        var response = await client.SendAsync(HttpMethod.Post, $"/api/articles/{slug}/comments", token, new { comment = new { body } });
        var json = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), json?.ToJsonString());
        return json!["comment"]!;
    }

    /// <summary>Asserts the status and that <c>errors[key]</c> starts with <paramref name="message"/> (when given).</summary>
    /// <summary>
    /// Status, content type and the <c>{"errors":{…}}</c> root (<see cref="ApiAssert.ErrorBodyAsync"/>); with a message the
    /// body is exactly <c>{"errors":{key:[message]}}</c>, without one <paramref name="key"/> is the only key.
    /// </summary>
    public static async Task AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string key, string? message = null)
    {
        var errors = await ApiAssert.ErrorBodyAsync(response, status);
        if (message is not null)
        {
            Assert.That(errors.ToJsonString(), Is.EqualTo(new JsonObject { [key] = new JsonArray(message) }.ToJsonString()));
        }
        else
        {
            Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { key }), errors.ToJsonString());
        }
    }

    public static string[] Strings(this JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    public static string Str(this JsonNode? node) => node!.GetValue<string>();
}
