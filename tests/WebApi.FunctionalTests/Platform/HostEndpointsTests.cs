using System.Net;
using System.Text.Json.Nodes;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Platform;

public sealed class HostEndpointsTests
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

    [TestCase("GET", "/api/nothing-here")]
    [TestCase("POST", "/api/users/nothing-here")]
    [TestCase("GET", "/api")]
    public async Task An_unknown_api_route_is_404_with_an_errors_body(string method, string path)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.NotFound, "route", "not found");
    }

    [TestCase("DELETE", "/api/user")]
    [TestCase("POST", "/api/user")]
    [TestCase("GET", "/api/users")]
    [TestCase("GET", "/api/users/login")]
    [TestCase("PATCH", "/api/users")]
    public async Task A_wrong_method_on_an_api_route_is_405_with_an_errors_body(string method, string path)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.MethodNotAllowed, "method", "not allowed");
    }

    [Test]
    public async Task The_OpenAPI_document_lists_the_four_account_operations()
    {
        var response = await _client.GetAsync("/swagger/v1/swagger.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var paths = (await response.ReadJsonAsync())!["paths"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(OperationId(paths, "/api/users", "post"), Is.EqualTo("RegisterUser"));
            Assert.That(OperationId(paths, "/api/users/login", "post"), Is.EqualTo("Login"));
            Assert.That(OperationId(paths, "/api/user", "get"), Is.EqualTo("GetCurrentUser"));
            Assert.That(OperationId(paths, "/api/user", "put"), Is.EqualTo("UpdateCurrentUser"));
        });
    }

    [Test]
    public async Task The_OpenAPI_document_declares_the_documented_status_codes()
    {
        var paths = (await (await _client.GetAsync("/swagger/v1/swagger.json")).ReadJsonAsync())!["paths"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(Responses(paths, "/api/users", "post"), Is.SupersetOf(new[] { "201", "409", "422" }));
            Assert.That(Responses(paths, "/api/users/login", "post"), Is.SupersetOf(new[] { "200", "401", "422" }));
            Assert.That(Responses(paths, "/api/user", "get"), Is.SupersetOf(new[] { "200", "401" }));
            Assert.That(Responses(paths, "/api/user", "put"), Is.SupersetOf(new[] { "200", "401", "409", "422" }));
        });
    }

    [TestCase("/api-docs")]
    [TestCase("/swagger")]
    [TestCase("/swagger/index.html")]
    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Documentation_and_health_pages_answer_200(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_endpoints_report_Healthy_as_json(string path)
    {
        var body = await (await _client.GetAsync(path)).ReadJsonAsync();

        Assert.That(body!["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
    }

    private static string? OperationId(JsonObject paths, string path, string method) =>
        paths[path]?[method]?["operationId"]?.GetValue<string>();

    private static IEnumerable<string> Responses(JsonObject paths, string path, string method) =>
        paths[path]?[method]?["responses"]?.AsObject().Select(r => r.Key) ?? [];
}
