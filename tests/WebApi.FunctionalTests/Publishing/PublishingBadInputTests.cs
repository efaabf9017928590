using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.WebApi.FunctionalTests.Publishing;

/// <summary>
/// Every new field refuses bad input with a 422 in the errors shape naming it, and a refused request changes nothing:
/// the author's desk (every article with status, times and updatedAt) and the pending publication jobs are the same after.
/// </summary>
public sealed class PublishingBadInputTests : ApiFixture
{
    private const string PublishJob = "articles.publish-scheduled";

    private TestUser _author = null!;
    private string _draft = null!;
    private string _scheduled = null!;
    private string _published = null!;

    protected override void Configure(CleanAppFactory factory) => factory.WithSetting("Jobs:Enabled", "false");

    [OneTimeSetUp]
    public async Task Arrange()
    {
        _author = await Client.RegisterAsync("author");
        _draft = (await Client.WriteArticleAsync(_author.Token, status: "draft"))["slug"].Str();
        _scheduled = (await Client.WriteArticleAsync(_author.Token, publishAt: PublishingHelpers.Iso(DateTimeOffset.UtcNow.AddDays(3))))[
            "slug"
        ]
            .Str();
        _published = (await Client.CreateArticleAsync(_author.Token))["slug"].Str();

        // Settled before any snapshot: the relay hands staged jobs to Hangfire shortly after each commit.
        await HangfireJobs.WaitUntilAsync(
            async () => await Factory.QueryAsync(db => db.JobOutbox.AnyAsync()) == false,
            "the outbox is empty"
        );
    }

    private static string Soon => PublishingHelpers.Iso(DateTimeOffset.UtcNow.AddHours(1));

    private static IEnumerable<TestCaseData> CreateCases()
    {
        yield return Case("status", "\"pending\"", "status", "must be one of draft, scheduled, published");
        yield return Case("status", "\"Draft\"", "status", "must be one of draft, scheduled, published");
        yield return Case("status", "\"\"", "status", "can't be blank");
        yield return Case("status", "5", "status", "has an invalid type or value");
        yield return Case("status", "true", "status", "has an invalid type or value");
        yield return Case("status", "[\"draft\"]", "status", "has an invalid type or value");
        yield return Case("status", "\"scheduled\"", "publishAt", "can't be blank when status is scheduled");
        yield return Case("publishAt", "\"tomorrow\"", "publishAt", $"must be {Application.Articles.PublishTime.Format}");
        yield return Case("publishAt", "\"2031-01-01T09:00:00\"", "publishAt", $"must be {Application.Articles.PublishTime.Format}");
        yield return Case("publishAt", "\"2031-02-30T09:00:00Z\"", "publishAt", $"must be {Application.Articles.PublishTime.Format}");
        yield return Case("publishAt", "\"\"", "publishAt", "can't be blank");
        yield return Case("publishAt", "1767225600", "publishAt", "has an invalid type or value");
        yield return Case("publishAt", "{}", "publishAt", "has an invalid type or value");
        yield return Case("publishAt", "\"2020-01-01T00:00:00Z\"", "publishAt", "must be in the future");
        yield return Case("publishAt", "\"2099-01-01T00:00:00Z\"", "publishAt", "must be within 366 days from now");
        yield return Case(
            "publishAt",
            "\"" + new string('9', 5000) + "\"",
            "publishAt",
            $"must be {Application.Articles.PublishTime.Format}"
        );
        yield return new TestCaseData(
            $"\"status\":\"draft\",\"publishAt\":\"{Soon}\"",
            "publishAt",
            "can't be combined with status draft"
        ).SetArgDisplayNames("draft with a time");
        yield return new TestCaseData(
            $"\"status\":\"published\",\"publishAt\":\"{Soon}\"",
            "publishAt",
            "can't be combined with status published"
        ).SetArgDisplayNames("published with a time");

        static TestCaseData Case(string field, string json, string key, string message) =>
            new TestCaseData($"\"{field}\":{json}", key, message).SetArgDisplayNames(
                $"{field}={(json.Length > 30 ? json[..30] + "…" : json)}"
            );
    }

    [TestCaseSource(nameof(CreateCases))]
    public async Task Create_refuses_a_bad_status_or_publishAt_and_stores_nothing(string fields, string key, string message)
    {
        var before = await SnapshotAsync();
        var body = """{"article":{"title":"Refused","description":"d","body":"b",""" + fields + "}}";

        var response = await Client.SendAsync(HttpMethod.Post, "/api/articles", _author.Token, body);

        var errors = await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(errors[key]?[0]?.GetValue<string>(), Is.EqualTo(message), errors.ToJsonString());
        Assert.That(await SnapshotAsync(), Is.EqualTo(before), "a refused request changes nothing");
    }

    private static IEnumerable<TestCaseData> UpdateCases()
    {
        yield return new TestCaseData("draft", """{"status":"later"}""", "status", "must be one of draft, scheduled, published");
        yield return new TestCaseData("draft", """{"status":null}""", "status", "can't be blank");
        yield return new TestCaseData(
            "draft",
            """{"publishAt":null}""",
            "publishAt",
            "can't be null (send \"status\": \"draft\" to cancel a schedule)"
        );
        yield return new TestCaseData("draft", """{"publishAt":"2020-01-01T00:00:00Z"}""", "publishAt", "must be in the future");
        yield return new TestCaseData(
            "draft",
            """{"publishAt":"next week"}""",
            "publishAt",
            $"must be {Application.Articles.PublishTime.Format}"
        );
        yield return new TestCaseData("draft", """{"status":"scheduled"}""", "publishAt", "can't be blank when status is scheduled");
        yield return new TestCaseData("scheduled", """{"publishAt":12}""", "publishAt", "has an invalid type or value");
        yield return new TestCaseData(
            "scheduled",
            $$"""{"status":"draft","publishAt":"{{Soon}}"}""",
            "publishAt",
            "can't be combined with status draft"
        );
        yield return new TestCaseData(
            "published",
            """{"status":"draft"}""",
            "status",
            "can't change on a published article (unpublish it first)"
        );
        yield return new TestCaseData(
            "published",
            """{"status":"scheduled"}""",
            "status",
            "can't change on a published article (unpublish it first)"
        );
        yield return new TestCaseData(
            "published",
            $$"""{"publishAt":"{{Soon}}"}""",
            "publishAt",
            "can't be set on a published article (unpublish it first)"
        );
        yield return new TestCaseData(
            "published",
            $$"""{"body":"changed","publishAt":"{{Soon}}"}""",
            "publishAt",
            "can't be set on a published article (unpublish it first)"
        );
    }

    [TestCaseSource(nameof(UpdateCases))]
    public async Task Update_refuses_a_bad_status_or_publishAt_and_changes_nothing(string state, string fields, string key, string message)
    {
        var slug = state switch
        {
            "draft" => _draft,
            "scheduled" => _scheduled,
            _ => _published,
        };
        var before = await SnapshotAsync();

        var response = await Client.SendAsync(HttpMethod.Put, $"/api/articles/{slug}", _author.Token, "{\"article\":" + fields + "}");

        var errors = await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(errors[key]?[0]?.GetValue<string>(), Is.EqualTo(message), errors.ToJsonString());
        Assert.That(await SnapshotAsync(), Is.EqualTo(before), "a refused request changes nothing");
    }

    [TestCase("status=bogus", "status")]
    [TestCase("status=", null)]
    [TestCase("limit=0", "limit")]
    [TestCase("limit=abc", "limit")]
    [TestCase("offset=-1", "offset")]
    public async Task The_desk_refuses_bad_query_values(string query, string? key)
    {
        var response = await Client.SendAsync(HttpMethod.Get, $"/api/user/articles?{query}", _author.Token);

        if (key is null)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "an empty status means every status");
            return;
        }

        var errors = await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.That(errors.ContainsKey(key), Is.True, errors.ToJsonString());
    }

    /// <summary>The author's articles as the desk shows them, and the publication jobs staged or in Hangfire.</summary>
    private async Task<string> SnapshotAsync()
    {
        var desk = await Client.GetOkAsync("/api/user/articles?limit=100", _author.Token);
        var jobs = string.Join(",", HangfireJobs.OfKinds(Factory.Services, PublishJob).Select(j => $"{j.Id}:{j.State}").Order());
        var outbox = await Factory.QueryAsync(db => db.JobOutbox.CountAsync(e => e.Kind == PublishJob));
        var articles = await Factory.QueryAsync(db => db.Articles.CountAsync());
        return $"{desk.ToJsonString()}|{jobs}|{outbox}|{articles}";
    }
}
