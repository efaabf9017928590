using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Users;

/// <summary>The account endpoints that read a JSON body, with the fields each one reads.</summary>
public enum BodyEndpoint
{
    Register,
    Login,
    Update,
}

/// <summary>
/// Robustness conventions of shared/API.md on every account endpoint that reads a body: any malformed, mistyped, oversized
/// or mislabelled body gets a 4xx in the <c>{"errors":{...}}</c> shape, never a 500, and changes nothing in the database.
/// </summary>
public sealed class BadInputTests : AccountsApiFixture
{
    private const string Placeholder = "__VALUE__";
    private static readonly BodyEndpoint[] Endpoints = [BodyEndpoint.Register, BodyEndpoint.Login, BodyEndpoint.Update];
    private TestUser _owner = null!;

    [OneTimeSetUp]
    public async Task RegisterOwner() => _owner = await Client.RegisterAsync("owner");

    public static IEnumerable<TestCaseData> MalformedJsonCases() =>
        Cross(
            "{\"user\":",
            "{\"user\":{\"email\":\"a\"",
            "not json",
            "{'user':{}}",
            "{\"user\":{}} trailing",
            "{\"user\":{\"email\":\"a\",}}",
            "/* comment */ {\"user\":{}}",
            "{\"user\":{\"email\":\"unterminated}}",
            "\uFEFF\uFEFF{}"
        );

    public static IEnumerable<TestCaseData> NotAnObjectCases() => Cross("[]", "\"user\"", "42", "null", "true", "[{\"user\":{}}]");

    public static IEnumerable<TestCaseData> MissingRootKeyCases() =>
        Cross("{}", "{\"users\":{}}", "{\"User\":{\"email\":\"a@b.c\"}}", "{\"user\":null}");

    public static IEnumerable<TestCaseData> RootNotAnObjectCases() =>
        Cross("{\"user\":\"x\"}", "{\"user\":[]}", "{\"user\":42}", "{\"user\":true}", "{\"user\":[{}]}");

    public static IEnumerable<TestCaseData> WrongTypeCases() =>
        from endpoint in Endpoints
        from field in FieldsOf(endpoint)
        from raw in new[] { "42", "4.2", "-1", "true", "false", "[]", "[\"x\"]", "{}", "{\"value\":\"x\"}" }
        select new TestCaseData(endpoint, field, raw);

    public static IEnumerable<TestCaseData> TooLongCases() =>
        from endpoint in Endpoints
        from field in FieldsOf(endpoint)
        select new TestCaseData(endpoint, field);

    public static IEnumerable<TestCaseData> InvalidTextCases() =>
        from endpoint in Endpoints
        from field in FieldsOf(endpoint)
        from escape in new[] { "\\ud800", "abc\\udc00", "\\ud800\\u0041", "\\udfff\\ud800" }
        select new TestCaseData(endpoint, field, escape);

    public static IEnumerable<TestCaseData> InvalidUtf8Cases() =>
        from endpoint in Endpoints
        from field in FieldsOf(endpoint)
        from bytes in new[] { "ff", "c0af", "eda080", "e282", "80" }
        select new TestCaseData(endpoint, field, bytes);

    public static IEnumerable<TestCaseData> UnsupportedMediaTypeCases() =>
        Cross(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml",
            "application/json; charset=iso-8859-1",
            "application/jsonx",
            null
        );

    [TestCaseSource(nameof(MalformedJsonCases))]
    public Task Malformed_JSON_is_a_4xx_errors_body_and_changes_nothing(BodyEndpoint endpoint, string json) =>
        AssertRefusedAsync(endpoint, Encoding.UTF8.GetBytes(json), status: null);

    [TestCaseSource(nameof(NotAnObjectCases))]
    public Task A_body_that_is_not_an_object_is_a_4xx_errors_body_and_changes_nothing(BodyEndpoint endpoint, string json) =>
        AssertRefusedAsync(endpoint, Encoding.UTF8.GetBytes(json), status: null);

    [Test]
    public async Task An_empty_body_is_a_4xx_errors_body_and_changes_nothing([ValueSource(nameof(Endpoints))] BodyEndpoint endpoint) =>
        await AssertRefusedAsync(endpoint, [], status: null);

    [TestCaseSource(nameof(MissingRootKeyCases))]
    public async Task A_missing_root_key_is_422_naming_user_and_changes_nothing(BodyEndpoint endpoint, string json)
    {
        var errors = await AssertRefusedAsync(endpoint, Encoding.UTF8.GetBytes(json), (HttpStatusCode)422);

        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "user" }));
    }

    [TestCaseSource(nameof(RootNotAnObjectCases))]
    public async Task A_root_key_that_is_not_an_object_is_422_naming_user_and_changes_nothing(BodyEndpoint endpoint, string json)
    {
        var errors = await AssertRefusedAsync(endpoint, Encoding.UTF8.GetBytes(json), (HttpStatusCode)422);

        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "user" }));
    }

    [TestCaseSource(nameof(WrongTypeCases))]
    public async Task A_non_string_where_a_string_is_expected_is_422_naming_the_field_and_changes_nothing(
        BodyEndpoint endpoint,
        string field,
        string rawValue
    )
    {
        var errors = await AssertRefusedAsync(endpoint, BodyWith(endpoint, field, Encoding.UTF8.GetBytes(rawValue)), (HttpStatusCode)422);

        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { field }));
    }

    [TestCaseSource(nameof(TooLongCases))]
    public async Task A_very_long_string_is_422_naming_the_field_and_changes_nothing(BodyEndpoint endpoint, string field)
    {
        var longValue =
            "\""
            + (field == "image" ? "https://example.com/" : string.Empty)
            + new string('a', 20_000)
            + (field == "email" ? "@example.com" : string.Empty)
            + "\"";

        var errors = await AssertRefusedAsync(endpoint, BodyWith(endpoint, field, Encoding.UTF8.GetBytes(longValue)), (HttpStatusCode)422);

        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { field }));
    }

    [TestCaseSource(nameof(InvalidTextCases))]
    public Task A_lone_surrogate_escape_is_a_4xx_and_changes_nothing(BodyEndpoint endpoint, string field, string escape) =>
        AssertRefusedAsync(endpoint, BodyWith(endpoint, field, Encoding.UTF8.GetBytes($"\"x{escape}y\"")), status: null);

    [TestCaseSource(nameof(InvalidUtf8Cases))]
    public Task Invalid_UTF8_bytes_are_a_4xx_and_change_nothing(BodyEndpoint endpoint, string field, string hexBytes) =>
        AssertRefusedAsync(
            endpoint,
            BodyWith(endpoint, field, [(byte)'"', (byte)'x', .. Convert.FromHexString(hexBytes), (byte)'y', (byte)'"']),
            status: null
        );

    [TestCaseSource(nameof(UnsupportedMediaTypeCases))]
    public Task A_body_that_is_not_declared_as_JSON_is_415_and_changes_nothing(BodyEndpoint endpoint, string? contentType) =>
        AssertRefusedAsync(endpoint, ValidBody(endpoint), HttpStatusCode.UnsupportedMediaType, contentType);

    [Test]
    public async Task Form_fields_are_415_and_change_nothing([ValueSource(nameof(Endpoints))] BodyEndpoint endpoint)
    {
        var before = await Factory.AccountsFingerprintAsync();
        using var form = new FormUrlEncodedContent(
            new Dictionary<string, string> { ["user[email]"] = _owner.Email, ["user[password]"] = _owner.Password }
        );

        var response = await SendAsync(endpoint, form);

        await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Deeply_nested_JSON_is_a_4xx_and_changes_nothing([ValueSource(nameof(Endpoints))] BodyEndpoint endpoint)
    {
        var nested = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));

        await AssertRefusedAsync(endpoint, BodyWith(endpoint, FieldsOf(endpoint)[0], Encoding.UTF8.GetBytes(nested)), status: null);
    }

    [Test]
    public async Task The_controls_are_accepted_so_the_refusals_above_are_about_the_bad_input(
        [ValueSource(nameof(Endpoints))] BodyEndpoint endpoint
    )
    {
        // The update control changes every field of its account, so it uses its own: the fixture's owner must keep the
        // credentials the other tests (in any order, or alone) log in and update with.
        var account = endpoint == BodyEndpoint.Update ? await Client.RegisterAsync("control") : _owner;

        var response = await SendAsync(endpoint, Content(ValidBody(endpoint), "application/json"), account.Token);

        Assert.That((int)response.StatusCode, Is.InRange(200, 201), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Valid_non_ASCII_text_is_accepted_and_stored_intact()
    {
        var registered = await Client.RegisterAsync();
        const string Bio = "Ich heiße Jürgen 🛹 — 山田 ирина";
        var username = $"jürgen_山田_{Guid.NewGuid():N}"[..20];

        var response = await PutUserAsync(registered.Token, new { username, bio = Bio });

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, username, registered.Email);
        var stored = await Factory.FindProfileAsync(username);
        Assert.Multiple(() =>
        {
            Assert.That(user["bio"]!.GetValue<string>(), Is.EqualTo(Bio));
            Assert.That(stored?.Bio, Is.EqualTo(Bio));
        });
    }

    private static IEnumerable<TestCaseData> Cross(params string?[] values) =>
        from endpoint in Endpoints
        from value in values
        select new TestCaseData(endpoint, value);

    private static string[] FieldsOf(BodyEndpoint endpoint) =>
        endpoint switch
        {
            BodyEndpoint.Register => ["username", "email", "password"],
            BodyEndpoint.Login => ["email", "password"],
            _ => ["email", "username", "password", "bio", "image"],
        };

    private static ByteArrayContent Content(byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return content;
    }

    /// <summary>A body this endpoint would accept (for Update: every field changes, so a refusal is visible in the data).</summary>
    private byte[] ValidBody(BodyEndpoint endpoint)
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        JsonObject user = endpoint switch
        {
            BodyEndpoint.Register => new()
            {
                ["username"] = $"new_{unique}",
                ["email"] = $"new_{unique}@example.com",
                ["password"] = "password123",
            },
            BodyEndpoint.Login => new() { ["email"] = _owner.Email, ["password"] = _owner.Password },
            _ => new()
            {
                ["email"] = $"changed_{unique}@example.com",
                ["username"] = $"changed_{unique}",
                ["password"] = "changed-password",
                ["bio"] = "changed bio",
                ["image"] = "https://example.com/changed.png",
            },
        };
        return Encoding.UTF8.GetBytes(new JsonObject { ["user"] = user }.ToJsonString());
    }

    /// <summary>A valid body whose <paramref name="field"/> holds <paramref name="rawValue"/>, spliced in as raw bytes.</summary>
    private byte[] BodyWith(BodyEndpoint endpoint, string field, byte[] rawValue)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ValidBody(endpoint))!;
        node["user"]![field] = Placeholder;
        var text = Encoding.UTF8.GetBytes(node.ToJsonString());
        var marker = Encoding.UTF8.GetBytes($"\"{Placeholder}\"");
        var at = text.AsSpan().IndexOf(marker);
        return [.. text[..at], .. rawValue, .. text[(at + marker.Length)..]];
    }

    private Task<HttpResponseMessage> SendAsync(BodyEndpoint endpoint, HttpContent content, string? token = null)
    {
        var request = endpoint switch
        {
            BodyEndpoint.Register => new HttpRequestMessage(HttpMethod.Post, "/api/users"),
            BodyEndpoint.Login => new HttpRequestMessage(HttpMethod.Post, "/api/users/login"),
            _ => new HttpRequestMessage(HttpMethod.Put, "/api/user").WithToken(token ?? _owner.Token),
        };
        request.Content = content;
        return Client.SendAsync(request);
    }

    private async Task<JsonObject> AssertRefusedAsync(
        BodyEndpoint endpoint,
        byte[] body,
        HttpStatusCode? status,
        string? contentType = "application/json"
    )
    {
        var before = await Factory.AccountsFingerprintAsync();

        var response = await SendAsync(endpoint, Content(body, contentType));

        var errors = await ApiAssert.ErrorBodyAsync(response, status);
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before), "a refused request must change nothing");
        return errors;
    }
}
