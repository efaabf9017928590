using System.Net;
using System.Text.RegularExpressions;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Data.Sqlite;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>
/// The headers of Common/SecurityHeaders.cs on the wire: every response (successes, redirects, 4xx and 5xx, under /api
/// and elsewhere) carries the common set and exactly one Content-Security-Policy; JSON gets <c>default-src 'none'</c>,
/// each HTML page its own policy with a fresh nonce that matches the one in its markup. That the pages still render
/// under these policies is checked in Chromium (<see cref="PageContentSecurityPolicyBrowserTests"/>).
/// </summary>
public sealed partial class SecurityHeadersTests : ApiFixture
{
    private const string ApiPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string SwaggerUiPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; "
        + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string ReDocPolicy =
        "style-src 'self' 'nonce-{nonce}'; default-src 'none'; script-src 'self'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string DashboardPolicy =
        "style-src 'self' 'nonce-{nonce}'; default-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'";

    private TestUser _user = null!;

    [OneTimeSetUp]
    public async Task Arrange() => _user = await Client.RegisterAsync("headers");

    public static IEnumerable<TestCaseData> JsonAndErrorResponses()
    {
        yield return Case(HttpStatusCode.OK, "GET", "/api/tags");
        yield return Case(
            HttpStatusCode.Created,
            "POST",
            "/api/articles",
            "article",
            "{\"title\":\"T\",\"description\":\"D\",\"body\":\"B\"}"
        );
        yield return Case(HttpStatusCode.BadRequest, "POST", "/api/users", "raw", "{\"user\":");
        yield return Case(HttpStatusCode.Unauthorized, "GET", "/api/user");
        yield return Case(HttpStatusCode.NotFound, "GET", "/api/articles/no-such-article");
        yield return Case(HttpStatusCode.NotFound, "GET", "/api/nothing-here");
        yield return Case(HttpStatusCode.MethodNotAllowed, "DELETE", "/api/tags");
        yield return Case(HttpStatusCode.UnsupportedMediaType, "POST", "/api/users", "text", "user=x");
        yield return Case(HttpStatusCode.UnprocessableEntity, "POST", "/api/users", "user", "{}");
        yield return Case(HttpStatusCode.NotFound, "GET", "/no-such-page");
        yield return Case(HttpStatusCode.Redirect, "GET", "/");
        yield return Case(HttpStatusCode.OK, "GET", "/health/ready");
        yield return Case(HttpStatusCode.OK, "GET", "/swagger/v1/swagger.json");
    }

    [TestCaseSource(nameof(JsonAndErrorResponses))]
    public async Task Every_response_outside_the_pages_has_the_common_headers_and_a_CSP_that_allows_nothing(
        HttpStatusCode status,
        string method,
        string path,
        string? root,
        string? body
    )
    {
        using var client = Factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }
        );
        using var request = new HttpRequestMessage(new HttpMethod(method), path).WithToken(
            path.Contains("articles", StringComparison.Ordinal) ? _user.Token : null
        );
        request.Content = root switch
        {
            null => null,
            "raw" => ApiClient.Json(body!),
            "text" => new StringContent(body!, System.Text.Encoding.UTF8, "text/plain"),
            _ => ApiClient.Json($"{{\"{root}\":{body}}}"),
        };

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        AssertCommonHeaders(response, referrerPolicy: "no-referrer");
        Assert.That(Csp(response), Is.EqualTo(ApiPolicy));
    }

    [Test]
    public async Task A_500_has_the_same_headers()
    {
        using var factory = new CleanAppFactory().WithSetting("Jobs:Enabled", "false");
        using var client = factory.CreateClient();
        await client.GetAsync("/api/tags");
        // A real failure: the database file stops being a database under the running host.
        SqliteConnection.ClearAllPools();
        File.Delete(factory.DatabasePath + "-wal");
        File.Delete(factory.DatabasePath + "-shm");
        await File.WriteAllTextAsync(factory.DatabasePath, string.Concat(Enumerable.Repeat("not a database ", 300)));

        var response = await client.GetAsync("/api/tags");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(
            (await response.ReadJsonAsync())!["errors"]!.ToJsonString(),
            Is.EqualTo("{\"server\":[\"an unexpected error occurred\"]}")
        );
        AssertCommonHeaders(response, referrerPolicy: "no-referrer");
        Assert.That(Csp(response), Is.EqualTo(ApiPolicy));
    }

    [TestCase("/swagger/index.html")]
    [TestCase("/swagger")]
    public async Task Swagger_UI_allows_only_its_own_scripts_and_styles(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertCommonHeaders(response, referrerPolicy: "no-referrer");
        Assert.That(Csp(response), Is.EqualTo(SwaggerUiPolicy));
    }

    [Test]
    public async Task ReDoc_allows_its_styles_by_this_responses_nonce_which_the_page_hands_to_ReDoc()
    {
        var first = await Client.GetAsync("/api-docs/index.html");
        var second = await Client.GetAsync("/api-docs/index.html");

        var nonce = NonceOf(first);
        Assert.Multiple(async () =>
        {
            AssertCommonHeaders(first, referrerPolicy: "no-referrer");
            Assert.That(Csp(first), Is.EqualTo(ReDocPolicy.Replace("{nonce}", nonce, StringComparison.Ordinal)));
            Assert.That(await first.Content.ReadAsStringAsync(), Does.Contain($"<meta property=\"csp-nonce\" nonce=\"{nonce}\">"));
            Assert.That(await first.Content.ReadAsStringAsync(), Does.Not.Contain("fonts.googleapis.com"));
            Assert.That(NonceOf(second), Is.Not.EqualTo(nonce), "a nonce is never reused");
        });
    }

    [Test]
    public async Task The_dashboard_loads_only_its_own_scripts_and_styles_and_the_sign_in_style_by_this_responses_nonce()
    {
        var email = await OpsUsers.CreateReaderAsync(Factory.Services);
        using var client = OpsUsers.CookieClient(Factory);
        var login = await client.GetAsync("/hangfire/login");
        await OpsUsers.SignInAsync(client, email);
        var overview = await client.GetAsync("/hangfire");
        var anonymous = await Client.GetAsync("/hangfire/login");

        foreach (var response in new[] { login, overview })
        {
            var nonce = NonceOf(response);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), response.RequestMessage?.RequestUri?.ToString());
                AssertCommonHeaders(response, referrerPolicy: "same-origin");
                Assert.That(Csp(response), Is.EqualTo(DashboardPolicy.Replace("{nonce}", nonce, StringComparison.Ordinal)));
                Assert.That(NonceAttributes().Matches(html).Select(m => m.Groups[1].Value), Is.All.EqualTo(nonce));
            });
        }

        Assert.That(await login.Content.ReadAsStringAsync(), Does.Contain($"<style nonce=\"{NonceOf(login)}\">"));
        Assert.That(NonceOf(anonymous), Is.Not.EqualTo(NonceOf(login)));
    }

    private static TestCaseData Case(HttpStatusCode status, string method, string path, string? root = null, string? body = null) =>
        new TestCaseData(status, method, path, root, body).SetArgDisplayNames($"{(int)status} {method} {path}");

    private static void AssertCommonHeaders(HttpResponseMessage response, string referrerPolicy) =>
        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo(new[] { referrerPolicy }));
            Assert.That(Header(response, "Cross-Origin-Opener-Policy"), Is.EqualTo(new[] { "same-origin" }));
            Assert.That(Header(response, "Cross-Origin-Resource-Policy"), Is.EqualTo(new[] { "same-origin" }));
        });

    private static string[] Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? [.. values] : [];

    /// <summary>Exactly one policy: two CSP headers would both be enforced, each blocking what the other allows.</summary>
    private static string Csp(HttpResponseMessage response)
    {
        var values = Header(response, "Content-Security-Policy");
        Assert.That(values, Has.Length.EqualTo(1), "Content-Security-Policy headers");
        return values[0];
    }

    private static string NonceOf(HttpResponseMessage response)
    {
        var match = HeaderNonce().Match(Csp(response));
        Assert.That(match.Success, Is.True, Csp(response));
        return match.Groups[1].Value;
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex HeaderNonce();

    [GeneratedRegex("nonce=\"([^\"]*)\"")]
    private static partial Regex NonceAttributes();
}
