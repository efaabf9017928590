using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>`Cors:AllowedOrigins` narrows the API's CORS policy from "any origin" to the listed ones.</summary>
public sealed class CorsAllowedOriginsTests
{
    private CleanAppFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new CleanAppFactory()
            .WithSetting("Cors:AllowedOrigins:0", "https://conduit.example")
            .WithSetting("Cors:AllowedOrigins:1", "https://admin.conduit.example");
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [TestCase("https://conduit.example")]
    [TestCase("https://admin.conduit.example")]
    public async Task A_listed_origin_is_allowed_by_name(string origin)
    {
        var response = await PreflightAsync(origin);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { origin }));
    }

    [TestCase("https://evil.example")]
    [TestCase("https://conduit.example.evil.example")]
    [TestCase("http://conduit.example")]
    public async Task Any_other_origin_gets_no_cors_headers(string origin)
    {
        var preflight = await PreflightAsync(origin);
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/tags");
        get.Headers.Add("Origin", origin);
        var response = await _client.SendAsync(get);

        Assert.Multiple(() =>
        {
            Assert.That(preflight.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "CORS is enforced by the browser, not by refusing");
            Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        });
    }

    private Task<HttpResponseMessage> PreflightAsync(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/articles");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return _client.SendAsync(request);
    }
}
