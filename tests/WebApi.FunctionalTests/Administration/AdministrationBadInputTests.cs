using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Administration;

/// <summary>
/// The robustness conventions of shared/API.md on every new field: a mistyped, blank, unknown or over-long value is a 422
/// naming the field (never a 500, never coerced), and changes nothing; bad query values on the new lists are 422s too.
/// </summary>
public sealed class AdministrationBadInputTests : ApiFixture
{
    private TestUser _admin = null!;
    private TestUser _author = null!;
    private TestUser _reporter = null!;
    private TestUser _target = null!;
    private string _slug = null!;
    private int _commentId;
    private int _flagId;

    public enum Endpoint
    {
        FlagArticle,
        FlagComment,
        Roles,
        Suspension,
        Resolution,
        Restore,
        PasswordReset,
        PasswordResetConfirm,
    }

    [OneTimeSetUp]
    public async Task Arrange()
    {
        _admin = await Accounts.CreateAdminAsync(Factory, Client);
        _author = await Client.RegisterAsync("author");
        _reporter = await Client.RegisterAsync("reporter");
        _target = await Client.RegisterAsync("target");
        _slug = (await Client.CreateArticleAsync(_author.Token))["slug"].Str();
        _commentId = (await Client.AddCommentAsync(_author.Token, _slug))["id"]!.GetValue<int>();
        var flag = await Client.SendAsync(
            HttpMethod.Post,
            $"/api/articles/{_slug}/comments/{_commentId}/flags",
            _admin.Token,
            new { flag = new { reason = "r" } }
        );
        _flagId = (await flag.ReadJsonAsync())!["flag"]!["id"]!.GetValue<int>();
    }

    private static readonly Dictionary<Endpoint, (string Root, string[] Fields)> Shapes = new()
    {
        [Endpoint.FlagArticle] = ("flag", ["reason"]),
        [Endpoint.FlagComment] = ("flag", ["reason"]),
        [Endpoint.Roles] = ("account", ["roles", "reason"]),
        [Endpoint.Suspension] = ("suspension", ["reason", "until"]),
        [Endpoint.Resolution] = ("resolution", ["action", "reason"]),
        [Endpoint.Restore] = ("restore", ["reason"]),
        [Endpoint.PasswordReset] = ("user", ["email"]),
        [Endpoint.PasswordResetConfirm] = ("user", ["email", "token", "password"]),
    };

    /// <summary>A valid body for each endpoint, as JSON members, so a case can replace one of them.</summary>
    private Dictionary<string, string> ValidFields(Endpoint endpoint) =>
        endpoint switch
        {
            Endpoint.FlagArticle or Endpoint.FlagComment => new() { ["reason"] = "\"spam\"" },
            Endpoint.Roles => new() { ["roles"] = "[\"editor\"]", ["reason"] = "\"trusted\"" },
            Endpoint.Suspension => new() { ["reason"] = "\"spam\"", ["until"] = "\"2099-01-01T00:00:00.000Z\"" },
            Endpoint.Resolution => new() { ["action"] = "\"dismiss\"", ["reason"] = "\"fine\"" },
            Endpoint.Restore => new() { ["reason"] = "\"ok\"" },
            Endpoint.PasswordReset => new() { ["email"] = $"\"{_target.Email}\"" },
            _ => new()
            {
                ["email"] = $"\"{_target.Email}\"",
                ["token"] = "\"abc\"",
                ["password"] = "\"password123\"",
            },
        };

    private (HttpMethod Method, string Url, string? Token) Route(Endpoint endpoint) =>
        endpoint switch
        {
            Endpoint.FlagArticle => (HttpMethod.Post, $"/api/articles/{_slug}/flags", _reporter.Token),
            Endpoint.FlagComment => (HttpMethod.Post, $"/api/articles/{_slug}/comments/{_commentId}/flags", _reporter.Token),
            Endpoint.Roles => (HttpMethod.Put, $"/api/admin/accounts/{_target.Username}/roles", _admin.Token),
            Endpoint.Suspension => (HttpMethod.Put, $"/api/admin/accounts/{_target.Username}/suspension", _admin.Token),
            Endpoint.Resolution => (HttpMethod.Post, $"/api/admin/flags/{_flagId}/resolution", _admin.Token),
            Endpoint.Restore => (HttpMethod.Post, $"/api/admin/articles/{_slug}/restore", _admin.Token),
            Endpoint.PasswordReset => (HttpMethod.Post, "/api/users/password-reset", null),
            _ => (HttpMethod.Post, "/api/users/password-reset/confirm", null),
        };

    public static IEnumerable<TestCaseData> WrongTypeCases() =>
        from shape in Shapes
        from field in shape.Value.Fields
        from raw in field == "roles"
            ? new[] { "42", "\"editor\"", "{}", "[42]", "[[]]", "true" }
            : new[] { "42", "true", "[]", "{}", "[\"x\"]" }
        select new TestCaseData(shape.Key, field, raw).SetName($"{{m}}({shape.Key},{field},{raw})");

    public static IEnumerable<TestCaseData> BadValueCases() =>
        new[]
        {
            new TestCaseData(Endpoint.FlagArticle, "reason", "\"\""),
            new TestCaseData(Endpoint.FlagArticle, "reason", "\"   \""),
            new TestCaseData(Endpoint.FlagArticle, "reason", "null"),
            new TestCaseData(Endpoint.FlagComment, "reason", "\"\""),
            new TestCaseData(Endpoint.Roles, "roles", "null"),
            new TestCaseData(Endpoint.Roles, "roles", "[\"superuser\"]"),
            new TestCaseData(Endpoint.Roles, "roles", "[\"Admin\"]"),
            new TestCaseData(Endpoint.Roles, "roles", "[null]"),
            new TestCaseData(Endpoint.Roles, "roles", "[\"operator\"]"),
            new TestCaseData(Endpoint.Suspension, "reason", "\"\""),
            new TestCaseData(Endpoint.Suspension, "reason", "null"),
            new TestCaseData(Endpoint.Suspension, "until", "\"2001-01-01T00:00:00.000Z\""),
            new TestCaseData(Endpoint.Suspension, "until", "\"not a date\""),
            new TestCaseData(Endpoint.Suspension, "until", "\"\""),
            new TestCaseData(Endpoint.Resolution, "action", "\"\""),
            new TestCaseData(Endpoint.Resolution, "action", "null"),
            new TestCaseData(Endpoint.Resolution, "action", "\"ban\""),
            new TestCaseData(Endpoint.Resolution, "action", "\"HIDE\""),
            new TestCaseData(Endpoint.PasswordReset, "email", "\"\""),
            new TestCaseData(Endpoint.PasswordReset, "email", "null"),
            new TestCaseData(Endpoint.PasswordReset, "email", "\"not-an-email\""),
            new TestCaseData(Endpoint.PasswordResetConfirm, "token", "\"\""),
            new TestCaseData(Endpoint.PasswordResetConfirm, "password", "\"short\""),
            new TestCaseData(Endpoint.PasswordResetConfirm, "password", "null"),
            new TestCaseData(Endpoint.PasswordResetConfirm, "email", "\"\""),
        }.Select(c => c.SetName($"{{m}}({c.Arguments[0]},{c.Arguments[1]},{c.Arguments[2]})"));

    public static IEnumerable<TestCaseData> TooLongCases() =>
        from shape in Shapes
        from field in shape.Value.Fields.Where(f => f is not ("roles" or "until" or "action"))
        select new TestCaseData(shape.Key, field);

    [TestCaseSource(nameof(WrongTypeCases))]
    public Task A_value_of_the_wrong_JSON_type_is_a_422_naming_the_field(Endpoint endpoint, string field, string raw) =>
        AssertRefusedAsync(endpoint, field, raw);

    [TestCaseSource(nameof(BadValueCases))]
    public Task A_blank_unknown_or_out_of_range_value_is_a_422_naming_the_field(Endpoint endpoint, string field, string raw) =>
        AssertRefusedAsync(endpoint, field, raw);

    [TestCaseSource(nameof(TooLongCases))]
    public Task An_over_long_value_is_a_422_naming_the_field(Endpoint endpoint, string field) =>
        AssertRefusedAsync(endpoint, field, $"\"{new string('a', 5000)}@example.com\"");

    [TestCase("/api/admin/accounts?limit=-1", "limit")]
    [TestCase("/api/admin/accounts?limit=abc", "limit")]
    [TestCase("/api/admin/accounts?limit=100000", "limit")]
    [TestCase("/api/admin/accounts?offset=-5", "offset")]
    [TestCase("/api/admin/accounts?role=superuser", "role")]
    [TestCase("/api/admin/accounts?status=banned", "status")]
    [TestCase("/api/admin/audit?limit=0", "limit")]
    [TestCase("/api/admin/audit?since=yesterday", "since")]
    [TestCase("/api/admin/audit?until=2026-13-45", "until")]
    [TestCase("/api/admin/flags?status=whatever", "status")]
    [TestCase("/api/admin/flags?offset=x", "offset")]
    public async Task A_bad_query_value_on_the_new_lists_is_a_422_naming_it(string url, string key)
    {
        var errors = await ApiAssert.ErrorBodyAsync(
            await Client.SendAsync(HttpMethod.Get, url, _admin.Token),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { key }));
    }

    [TestCase("/api/admin/flags/abc/resolution", "flag")]
    [TestCase("/api/admin/flags/-1/resolution", "flag")]
    [TestCase("/api/admin/flags/99999999999/resolution", "flag")]
    public async Task A_flag_id_that_is_not_a_positive_integer_names_no_flag(string url, string key) =>
        await ApiAssert.ExactErrorAsync(
            await Client.SendAsync(HttpMethod.Post, url, _admin.Token, new { resolution = new { action = "dismiss" } }),
            HttpStatusCode.NotFound,
            key,
            "not found"
        );

    private async Task AssertRefusedAsync(Endpoint endpoint, string field, string raw)
    {
        var (root, _) = Shapes[endpoint];
        var fields = ValidFields(endpoint);
        fields[field] = raw;
        var json = $"{{\"{root}\":{{{string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}"))}}}}}";
        var (method, url, token) = Route(endpoint);
        var before = await StateAsync();

        var response = await Client.SendAsync(method, url, token, ApiClient.Json(json));

        var errors = await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { field }), json);
        Assert.That(await StateAsync(), Is.EqualTo(before), "a refused request changes nothing");
    }

    /// <summary>What the bodies above could change: the flag queue, the target's roles and status, the audit log's size.</summary>
    private async Task<string> StateAsync()
    {
        var flags = await Client.GetOkAsync("/api/admin/flags?limit=100", _admin.Token);
        var account = await Client.GetOkAsync($"/api/admin/accounts?q={_target.Username}", _admin.Token);
        var audit = await Client.GetOkAsync("/api/admin/audit?limit=1", _admin.Token);
        return $"{flags["flagsCount"]} {account["accounts"]![0]!["roles"]!.ToJsonString()} {account["accounts"]![0]!["status"]} {audit["entriesCount"]}";
    }
}
