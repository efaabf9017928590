using System.Net;
using System.Text.Json.Nodes;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>Assertions on the wire format of shared/API.md.</summary>
public static class ApiAssert
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Status, content type and exactly the <c>{"errors":{key:[messages]}}</c> shape; returns the errors object.</summary>
    public static async Task<JsonObject> ErrorBodyAsync(HttpResponseMessage response, HttpStatusCode? status = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (status is { } expected)
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        }
        else
        {
            Assert.That((int)response.StatusCode, Is.InRange(400, 499), text);
        }

        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(JsonContentType), text);
        var body = JsonNode.Parse(text) as JsonObject;
        Assert.That(body, Is.Not.Null, text);
        Assert.That(body!.Select(p => p.Key), Is.EqualTo(new[] { "errors" }), text);
        var errors = body["errors"] as JsonObject;
        Assert.That(errors, Is.Not.Null.And.Not.Empty, text);
        foreach (var (key, messages) in errors!)
        {
            Assert.That(messages, Is.InstanceOf<JsonArray>(), $"{key} in {text}");
            Assert.That(messages!.AsArray(), Is.Not.Empty, $"{key} in {text}");
            Assert.That(messages.AsArray().Select(m => m?.GetValueKind()), Is.All.EqualTo(System.Text.Json.JsonValueKind.String), text);
        }

        return errors;
    }

    /// <summary>The error body is exactly <c>{"errors":{key:[message]}}</c>.</summary>
    public static async Task ExactErrorAsync(HttpResponseMessage response, HttpStatusCode status, string key, string message)
    {
        var errors = await ErrorBodyAsync(response, status);
        Assert.That(errors.ToJsonString(), Is.EqualTo(new JsonObject { [key] = new JsonArray(message) }.ToJsonString()));
    }

    /// <summary>A user envelope with all five keys, the expected values, and the JSON content type; returns the user object.</summary>
    public static async Task<JsonObject> UserBodyAsync(HttpResponseMessage response, HttpStatusCode status, string username, string email)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo(JsonContentType), text);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "user" }), text);
        var user = body["user"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(user.Select(p => p.Key), Is.EquivalentTo(new[] { "email", "token", "username", "bio", "image" }), text);
            Assert.That(user["username"]!.GetValue<string>(), Is.EqualTo(username), text);
            Assert.That(user["email"]!.GetValue<string>(), Is.EqualTo(email), text);
            Assert.That(user["token"]!.GetValue<string>(), Is.Not.Empty, text);
        });
        return user;
    }
}
