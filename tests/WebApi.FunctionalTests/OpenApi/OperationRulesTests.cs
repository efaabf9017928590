using System.Net;
using System.Text.Json.Nodes;
using CleanApp.Application.Articles;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.OpenApi;

/// <summary>
/// The document's per-operation rules (ADR 0050), checked for every operation it lists, so endpoints added later are
/// covered without new test cases: the security it states is what the server does, integer parameters carry their
/// bounds, and request and error bodies carry examples.
/// </summary>
public sealed class OperationRulesTests : ApiFixture
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private JsonNode _document = null!;

    [OneTimeSetUp]
    public async Task Load() => _document = await Client.GetOkAsync("/swagger/v1/swagger.json");

    private IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        from path in _document["paths"]!.AsObject()
        from method in Methods
        where path.Value?[method] is JsonObject
        select (path.Key, method, (JsonObject)path.Value![method]!);

    private static string Security(JsonObject operation) =>
        operation["security"] is not JsonArray list ? "absent"
        : list.Count == 0 ? "none"
        : list.Count == 2 && list[0] is JsonObject { Count: 0 } && list[1]?["Token"] is not null ? "optional"
        : list.Count == 1 && list[0]?["Token"] is not null ? "required"
        : list.ToJsonString();

    [Test]
    public void The_document_has_no_document_wide_security_requirement() =>
        Assert.That(_document["security"], Is.Null, "each operation states its own requirement");

    [Test]
    public void Conduit_operations_state_the_contracts_authentication()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["post /api/users/login"] = "none",
            ["post /api/users"] = "none",
            ["get /api/user"] = "required",
            ["put /api/user"] = "required",
            ["get /api/profiles/{username}"] = "optional",
            ["post /api/profiles/{username}/follow"] = "required",
            ["delete /api/profiles/{username}/follow"] = "required",
            ["get /api/articles"] = "optional",
            ["get /api/articles/feed"] = "required",
            ["get /api/articles/{slug}"] = "optional",
            ["post /api/articles"] = "required",
            ["put /api/articles/{slug}"] = "required",
            ["delete /api/articles/{slug}"] = "required",
            ["get /api/articles/{slug}/comments"] = "optional",
            ["post /api/articles/{slug}/comments"] = "required",
            ["delete /api/articles/{slug}/comments/{id}"] = "required",
            ["post /api/articles/{slug}/favorite"] = "required",
            ["delete /api/articles/{slug}/favorite"] = "required",
            ["get /api/tags"] = "none",
        };
        var actual = Operations().ToDictionary(o => $"{o.Method} {o.Path}", o => Security(o.Operation), StringComparer.Ordinal);
        foreach (var (operation, security) in expected)
        {
            Assert.That(actual.GetValueOrDefault(operation), Is.EqualTo(security), operation);
        }
    }

    /// <summary>Every operation, anonymous and with a token that does not authenticate, against what its security says.</summary>
    [Test]
    public async Task Every_operations_security_is_what_the_server_enforces()
    {
        var operations = Operations().ToList();
        Assert.That(operations, Has.Count.GreaterThanOrEqualTo(19));
        foreach (var (path, method, operation) in operations)
        {
            var security = Security(operation);
            Assert.That(security, Is.AnyOf("none", "optional", "required"), $"{method} {path}");
            var url = path;
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                if ((string?)parameter!["schema"]?["format"] == "uuid")
                {
                    url = url.Replace($"{{{(string)parameter["name"]!}}}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
                }
            }

            url = url.Replace("{id}", "999999", StringComparison.Ordinal);
            url = System.Text.RegularExpressions.Regex.Replace(url, "{[^}]+}", "no-such-thing-0");
            foreach (var token in new[] { null, "not-a-token" })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                request.WithToken(token);
                using var response = await Client.SendAsync(request);
                var unauthorized = response.StatusCode == HttpStatusCode.Unauthorized;
                var shouldBe = security == "required" || (token is not null && security == "optional");
                Assert.That(
                    unauthorized,
                    Is.EqualTo(shouldBe),
                    $"{method} {url} with {(token is null ? "no token" : "an invalid token")}: {(int)response.StatusCode}, documented {security}"
                );
            }
        }
    }

    [Test]
    public void Paging_and_id_parameters_are_bounded_integers()
    {
        var checkedCount = 0;
        foreach (var (path, method, operation) in Operations())
        {
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                var name = (string)parameter!["name"]!;
                var schema = parameter["schema"]!;
                Assert.That((string?)schema["type"], Is.Not.Null, $"{method} {path}: {name} has no type");
                if ((string?)schema["format"] == "uuid")
                {
                    // Records addressed by a UUID (exports): a uuid string, which a client generator types as such.
                    Assert.That((string?)schema["type"], Is.EqualTo("string"), $"{method} {path}: {name}");
                }
                else if (name is "limit" or "offset" or "id" || name.EndsWith("Id", StringComparison.Ordinal))
                {
                    checkedCount++;
                    Assert.That((string?)schema["type"], Is.EqualTo("integer"), $"{method} {path}: {name}");
                    Assert.That(schema["minimum"], Is.Not.Null, $"{method} {path}: {name} minimum");
                    Assert.That(schema["maximum"], Is.Not.Null, $"{method} {path}: {name} maximum");
                }
            }
        }

        Assert.That(checkedCount, Is.GreaterThanOrEqualTo(5));
        var limit = _document["paths"]!["/api/articles"]!["get"]!["parameters"]!.AsArray().First(p => (string?)p!["name"] == "limit")!;
        Assert.That((int)limit["schema"]!["minimum"]!, Is.EqualTo(1));
        Assert.That((int)limit["schema"]!["maximum"]!, Is.EqualTo(Paging.MaxLimit));
        Assert.That((int)limit["schema"]!["default"]!, Is.EqualTo(Paging.DefaultLimit));
        var offset = _document["paths"]!["/api/articles/feed"]!["get"]!["parameters"]!
            .AsArray()
            .First(p => (string?)p!["name"] == "offset")!;
        Assert.That((int)offset["schema"]!["maximum"]!, Is.EqualTo(Paging.MaxOffset));
    }

    [TestCase("/api/articles?limit=abc", "limit")]
    [TestCase("/api/articles?limit=0", "limit")]
    [TestCase("/api/articles?offset=-1", "offset")]
    [TestCase("/api/articles?limit=99999999999999999999", "limit")]
    public async Task Malformed_integers_are_still_the_documented_422(string url, string key)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), body?.ToJsonString());
        Assert.That(body?["errors"]?[key], Is.Not.Null, body?.ToJsonString());
    }

    [Test]
    public void Every_request_body_and_error_response_has_an_example()
    {
        foreach (var (path, method, operation) in Operations())
        {
            if (operation["requestBody"]?["content"]?["application/json"] is { } body)
            {
                Assert.That(body["example"], Is.Not.Null, $"{method} {path}: request body example");
            }

            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                if (
                    response?["content"]?["application/json"] is { } media
                    && media.ToJsonString().Contains("ErrorBody", StringComparison.Ordinal)
                )
                {
                    Assert.That(media["example"]?["errors"], Is.Not.Null, $"{method} {path}: {status} example");
                }
            }
        }
    }
}
