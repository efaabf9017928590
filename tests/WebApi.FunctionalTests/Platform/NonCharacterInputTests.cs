using System.Globalization;
using System.Net;
using System.Text;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>The JSON endpoints, each with the text fields it reads.</summary>
public enum TextEndpoint
{
    Register,
    Login,
    UpdateUser,
    CreateArticle,
    UpdateArticle,
    AddComment,
}

/// <summary>
/// Unicode non-characters (U+FDD0–U+FDEF and the last two code points of every plane) in every text field of every JSON
/// endpoint: 422 with exactly <c>{"errors":{"&lt;field&gt;":["contains a Unicode non-character"]}}</c>, and nothing
/// stored. They used to reach <see cref="string.Normalize()"/> (Identity's email lookup, the slug), which throws on
/// U+FFFE on Linux: a 500. Sent both as JSON escapes (surrogate pairs above the BMP) and as raw UTF-8.
/// </summary>
public sealed class NonCharacterInputTests : ApiFixture
{
    private const string Marker = "\u0001";

    /// <summary>Non-characters from each group: the issue's two, both ends of the U+FDD0 block, plane ends above the BMP.</summary>
    private static readonly int[] Representatives = [0xFFFE, 0xFFFF, 0xFDD0, 0xFDEF, 0x1FFFE, 0x10FFFF];

    /// <summary>The neighbours of non-characters are ordinary text and must be stored exactly as sent.</summary>
    private static readonly int[] Neighbours = [0xFDCF, 0xFDF0, 0xFFFD, 0xFEFF, 0xE000, 0x1FFFD, 0x20000, 0x10FFFD];

    private static readonly (TextEndpoint Endpoint, string Field)[] TextFields =
    [
        (TextEndpoint.Register, "username"),
        (TextEndpoint.Register, "email"),
        (TextEndpoint.Register, "password"),
        (TextEndpoint.Login, "email"),
        (TextEndpoint.Login, "password"),
        (TextEndpoint.UpdateUser, "email"),
        (TextEndpoint.UpdateUser, "username"),
        (TextEndpoint.UpdateUser, "password"),
        (TextEndpoint.UpdateUser, "bio"),
        (TextEndpoint.UpdateUser, "image"),
        (TextEndpoint.CreateArticle, "title"),
        (TextEndpoint.CreateArticle, "description"),
        (TextEndpoint.CreateArticle, "body"),
        (TextEndpoint.CreateArticle, "tagList"),
        (TextEndpoint.UpdateArticle, "title"),
        (TextEndpoint.UpdateArticle, "description"),
        (TextEndpoint.UpdateArticle, "body"),
        (TextEndpoint.UpdateArticle, "tagList"),
        (TextEndpoint.AddComment, "body"),
    ];

    private TestUser _owner = null!;
    private TestUser _updater = null!;
    private TestUser _author = null!;
    private string _slug = null!;

    [OneTimeSetUp]
    public async Task Arrange()
    {
        _owner = await Client.RegisterAsync("owner");
        _updater = await Client.RegisterAsync("updater");
        _author = await Client.RegisterAsync("author");
        _slug = (await Client.CreateArticleAsync(_author.Token, tags: ["keep"]))["slug"].Str();
        await Client.AddCommentAsync(_author.Token, _slug, "keep me");
    }

    public static IEnumerable<TestCaseData> NonCharacterCases() =>
        from target in TextFields
        from codePoint in Representatives
        from escaped in new[] { true, false }
        select new TestCaseData(target.Endpoint, target.Field, codePoint, escaped).SetArgDisplayNames(
            $"{target.Endpoint}.{target.Field}",
            $"U+{codePoint:X4}",
            escaped ? "escaped" : "raw UTF-8"
        );

    public static IEnumerable<TestCaseData> FieldCases() =>
        TextFields.Select(t => new TestCaseData(t.Endpoint, t.Field).SetArgDisplayNames($"{t.Endpoint}.{t.Field}"));

    [TestCaseSource(nameof(NonCharacterCases))]
    public async Task A_non_character_in_a_text_field_is_422_naming_the_field_and_changes_nothing(
        TextEndpoint endpoint,
        string field,
        int codePoint,
        bool escaped
    )
    {
        var before = await Factory.DatabaseFingerprintAsync();

        var response = await SendAsync(endpoint, Body(endpoint, field, Encode(codePoint, escaped)));

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.UnprocessableEntity, field, "contains a Unicode non-character");
        Assert.That(await Factory.DatabaseFingerprintAsync(), Is.EqualTo(before), "a refused request must change nothing");
    }

    [TestCaseSource(nameof(FieldCases))]
    public async Task A_lone_surrogate_escape_in_a_text_field_is_422_naming_the_field_and_changes_nothing(
        TextEndpoint endpoint,
        string field
    )
    {
        var before = await Factory.DatabaseFingerprintAsync();

        var response = await SendAsync(endpoint, Body(endpoint, field, "\\ud800"));

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.UnprocessableEntity, field, "contains invalid text");
        Assert.That(await Factory.DatabaseFingerprintAsync(), Is.EqualTo(before), "a refused request must change nothing");
    }

    /// <summary>The same bodies without the non-character succeed, so the refusals above are about the non-character alone.</summary>
    [TestCaseSource(nameof(FieldCases))]
    public async Task The_controls_are_accepted(TextEndpoint endpoint, string field)
    {
        // Updates run as a fresh user on a fresh article: a control that succeeds changes them.
        var user = endpoint is TextEndpoint.UpdateUser ? await Client.RegisterAsync("control") : null;
        var slug = endpoint is TextEndpoint.UpdateArticle ? (await Client.CreateArticleAsync(_author.Token))["slug"].Str() : null;

        var response = await SendAsync(endpoint, Body(endpoint, field, string.Empty), user, slug);

        Assert.That((int)response.StatusCode, Is.InRange(200, 201), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Each_of_the_66_non_characters_is_refused()
    {
        var nonCharacters = Enumerable
            .Range(0xFDD0, 32)
            .Concat(Enumerable.Range(0, 17).SelectMany(plane => new[] { (plane << 16) | 0xFFFE, (plane << 16) | 0xFFFF }))
            .ToList();
        Assert.That(nonCharacters, Has.Count.EqualTo(66));
        var before = await Factory.DatabaseFingerprintAsync();

        foreach (var codePoint in nonCharacters)
        {
            var response = await SendAsync(TextEndpoint.CreateArticle, Body(TextEndpoint.CreateArticle, "title", Encode(codePoint, true)));
            await ApiAssert.ExactErrorAsync(response, HttpStatusCode.UnprocessableEntity, "title", "contains a Unicode non-character");
        }

        Assert.That(await Factory.DatabaseFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task The_neighbours_of_non_characters_are_stored_exactly_as_sent()
    {
        foreach (var codePoint in Neighbours)
        {
            var text = "x" + char.ConvertFromUtf32(codePoint) + "y";
            var created = await Client.CreateArticleAsync(_author.Token, title: "Title " + text, description: text, body: text);

            var stored = (await Client.GetOkAsync($"/api/articles/{created["slug"].Str()}"))["article"]!;
            Assert.Multiple(() =>
            {
                Assert.That(stored["title"].Str(), Is.EqualTo("Title " + text), $"U+{codePoint:X4}");
                Assert.That(stored["description"].Str(), Is.EqualTo(text), $"U+{codePoint:X4}");
                Assert.That(stored["body"].Str(), Is.EqualTo(text), $"U+{codePoint:X4}");
            });
        }
    }

    /// <summary>
    /// The dashboard's sign-in form is not JSON, so the body reader does not see it; the same root cause (Identity
    /// normalizes the email) must still be an unknown account, not a 500.
    /// </summary>
    [TestCase(0xFFFE)]
    [TestCase(0xFFFF)]
    public async Task The_dashboard_sign_in_form_treats_a_non_character_email_as_an_unknown_account(int codePoint)
    {
        var email = $"ops{char.ConvertFromUtf32(codePoint)}@example.com";
        using var client = OpsUsers.CookieClient(Factory);

        var response = await OpsUsers.SignInAsync(client, email);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Invalid email or password"));
    }

    /// <summary>The code point as the inside of a JSON string: <c>\uXXXX</c> escapes (two for a surrogate pair), or the raw character.</summary>
    private static string Encode(int codePoint, bool escaped)
    {
        var text = char.ConvertFromUtf32(codePoint);
        return escaped ? string.Concat(text.Select(c => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture))) : text;
    }

    /// <summary>
    /// A body the endpoint accepts when <paramref name="inserted"/> is empty, with <paramref name="inserted"/> (already in
    /// JSON string syntax) placed inside <paramref name="field"/>'s otherwise valid value; sent as UTF-8.
    /// </summary>
    private byte[] Body(TextEndpoint endpoint, string field, string inserted)
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var ownerName = _owner.Email[.._owner.Email.IndexOf('@', StringComparison.Ordinal)];
        var (root, values) = endpoint switch
        {
            TextEndpoint.Register => (
                "user",
                new Dictionary<string, string>
                {
                    ["username"] = $"nc_{unique}{Marker}",
                    ["email"] = $"nc_{unique}{Marker}@example.com",
                    ["password"] = $"password{Marker}123",
                }
            ),
            TextEndpoint.Login => (
                "user",
                new Dictionary<string, string>
                {
                    ["email"] = $"{ownerName}{Marker}@example.com",
                    ["password"] = $"{_owner.Password}{Marker}",
                }
            ),
            TextEndpoint.UpdateUser => (
                "user",
                new Dictionary<string, string>
                {
                    ["email"] = $"up_{unique}{Marker}@example.com",
                    ["username"] = $"up_{unique}{Marker}",
                    ["password"] = $"new-password{Marker}",
                    ["bio"] = $"A bio {Marker}",
                    ["image"] = $"https://example.com/{Marker}.png",
                }
            ),
            TextEndpoint.CreateArticle => (
                "article",
                new Dictionary<string, string>
                {
                    ["title"] = $"Title {unique}{Marker}",
                    ["description"] = $"A description{Marker}",
                    ["body"] = $"A body{Marker}",
                    ["tagList"] = $"tag{Marker}",
                }
            ),
            TextEndpoint.UpdateArticle => (
                "article",
                new Dictionary<string, string>
                {
                    ["title"] = $"Retitled {unique}{Marker}",
                    ["description"] = $"New description{Marker}",
                    ["body"] = $"New body{Marker}",
                    ["tagList"] = $"tag{Marker}",
                }
            ),
            _ => ("comment", new Dictionary<string, string> { ["body"] = $"A comment{Marker}" }),
        };

        // Partial updates send only the field under test; the others send every field the endpoint reads.
        var sent = endpoint is TextEndpoint.UpdateUser or TextEndpoint.UpdateArticle ? values.Where(v => v.Key == field) : values;
        var members = sent.Select(v =>
        {
            var literal = "\"" + v.Value.Replace(Marker, v.Key == field ? inserted : string.Empty, StringComparison.Ordinal) + "\"";
            return $"\"{v.Key}\":{(v.Key == "tagList" ? $"[{literal}]" : literal)}";
        });
        return Encoding.UTF8.GetBytes($"{{\"{root}\":{{{string.Join(',', members)}}}}}");
    }

    private Task<HttpResponseMessage> SendAsync(TextEndpoint endpoint, byte[] body, TestUser? updater = null, string? slug = null)
    {
        var request = endpoint switch
        {
            TextEndpoint.Register => new HttpRequestMessage(HttpMethod.Post, "/api/users"),
            TextEndpoint.Login => new HttpRequestMessage(HttpMethod.Post, "/api/users/login"),
            TextEndpoint.UpdateUser => new HttpRequestMessage(HttpMethod.Put, "/api/user").WithToken((updater ?? _updater).Token),
            TextEndpoint.CreateArticle => new HttpRequestMessage(HttpMethod.Post, "/api/articles").WithToken(_author.Token),
            TextEndpoint.UpdateArticle => new HttpRequestMessage(HttpMethod.Put, $"/api/articles/{slug ?? _slug}").WithToken(_author.Token),
            _ => new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{_slug}/comments").WithToken(_author.Token),
        };
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return Client.SendAsync(request);
    }
}
