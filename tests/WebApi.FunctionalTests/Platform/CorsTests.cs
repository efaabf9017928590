using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>CORS on <c>/api</c> only; security headers are in <see cref="SecurityHeadersTests"/>.</summary>
public sealed class CorsTests
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

    [Test]
    public async Task A_browser_preflight_to_the_api_is_answered_for_any_origin()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/articles");
        request.Headers.Add("Origin", "https://conduit.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        var response = await _client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));
        Assert.That(string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), Does.Contain("authorization").IgnoreCase);
    }

    [Test]
    public async Task The_dashboard_sends_no_cors_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire/login");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await _client.SendAsync(request);

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }
}
