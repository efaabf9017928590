using System.Net;
using System.Text;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Users;

/// <summary>Authentication is checked before anything about the body, including its media type (shared/API.md order).</summary>
public sealed class AuthenticationBeforeBodyTests
{
    private CleanAppFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new CleanAppFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestCase("PUT", "/api/user")]
    [TestCase("POST", "/api/articles")]
    [TestCase("PUT", "/api/articles/no-such-article")]
    [TestCase("POST", "/api/articles/no-such-article/comments")]
    public async Task An_anonymous_request_with_a_non_json_body_is_401_not_415(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent("hello", Encoding.UTF8, "text/plain"),
        };

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await response.ReadJsonAsync())!["errors"]!["token"]![0]!.GetValue<string>(), Is.EqualTo("is missing"));
    }

    [Test]
    public async Task An_authenticated_request_with_a_non_json_body_is_415()
    {
        var user = await _client.RegisterAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/user")
        {
            Content = new StringContent("hello", Encoding.UTF8, "text/plain"),
        };
        request.WithToken(user.Token);

        var response = await _client.SendAsync(request);

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.UnsupportedMediaType, "body", "must be application/json");
    }

    [Test]
    public async Task The_openapi_document_still_describes_the_register_body()
    {
        var json = await _client.GetStringAsync("/swagger/v1/swagger.json");
        var document = System.Text.Json.Nodes.JsonNode.Parse(json)!;

        var body = document["paths"]!["/api/users"]!["post"]!["requestBody"]!;
        var schema = body["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        var user = document["components"]!["schemas"]![schema.Split('/')[^1]]!["properties"]!["user"]!["$ref"]!.GetValue<string>();
        var fields = document["components"]!["schemas"]![user.Split('/')[^1]]!["properties"]!.AsObject().Select(p => p.Key);

        Assert.That((bool)body["required"]!, Is.True);
        Assert.That(fields, Is.SupersetOf(new[] { "username", "email", "password" }));
    }
}
