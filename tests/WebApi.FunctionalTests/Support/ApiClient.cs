using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>Small helpers over HttpClient for the Conduit API: raw JSON in, parsed JSON out, so tests assert the wire format.</summary>
public static class ApiClient
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object body) => Json(JsonSerializer.Serialize(body));

    public static async Task<JsonNode?> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    public static HttpRequestMessage WithToken(this HttpRequestMessage request, string? token, string scheme = "Token")
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(scheme, token);
        }

        return request;
    }

    public static Task<HttpResponseMessage> SendAsync(
        this HttpClient client,
        HttpMethod method,
        string url,
        string? token = null,
        object? body = null
    )
    {
        var request = new HttpRequestMessage(method, url).WithToken(token);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? (body is string s ? Json(s) : Json(body));
        }

        return client.SendAsync(request);
    }

    /// <summary>Registers a fresh user with unique name and email; returns its token, username and email.</summary>
    public static async Task<TestUser> RegisterAsync(this HttpClient client, string? prefix = null, string password = "password123")
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var username = $"{prefix ?? "user"}_{id}";
        var email = $"{username}@example.com";
        var response = await client.PostAsync(
            "/api/users",
            Json(
                new
                {
                    user = new
                    {
                        username,
                        email,
                        password,
                    },
                }
            )
        );
        var body = await response.ReadJsonAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Register failed: {(int)response.StatusCode} {body}");
        }

        return new TestUser(username, email, password, body!["user"]!["token"]!.GetValue<string>());
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body);
}

public sealed record TestUser(string Username, string Email, string Password, string Token);
