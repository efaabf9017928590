using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Data.Sqlite;

namespace CleanApp.WebApi.FunctionalTests.Exports;

/// <summary>
/// Site exports over real HTTP (ADR 0043): editors and admins only, 202 then a background job on the host's real job
/// engine, the status with its download link, the streamed file. The report's numbers are checked against counts taken
/// independently with plain SQL on the SQLite file; text fields in the CSV are escaped and neutralised.
/// </summary>
public sealed class SiteExportTests : ApiFixture
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private TestUser _editor = null!;
    private TestUser _admin = null!;
    private TestUser _reader = null!;
    private TestUser _star = null!;

    [OneTimeSetUp]
    public async Task Arrange()
    {
        _editor = await Client.RegisterAsync("editor");
        _admin = await Client.RegisterAsync("admin");
        _reader = await Client.RegisterAsync("reader");
        _star = await Client.RegisterAsync("star");
        await PublishingHelpers.GrantRoleAsync(Factory.Services, _editor.Username, "editor");
        await PublishingHelpers.GrantRoleAsync(Factory.Services, _admin.Username, "admin");

        var hit = (await Client.WriteArticleAsync(_star.Token, tags: ["=cmd()", "dragons"]))["slug"].Str();
        var other = (await Client.WriteArticleAsync(_reader.Token, tags: ["dragons"]))["slug"].Str();
        await Client.WriteArticleAsync(_reader.Token, status: "draft", tags: ["draft-only"]);
        foreach (var fan in new[] { _editor, _admin, _reader })
        {
            await Client.FavoriteAsync(fan.Token, hit);
        }

        await Client.FavoriteAsync(_star.Token, other);
        await Client.AddCommentAsync(_reader.Token, hit, "a, \"quoted\"\ncomment");
        await Client.AddCommentAsync(_star.Token, other);
    }

    [Test]
    public async Task The_csv_report_matches_independent_counts_and_escapes_text()
    {
        var csv = await ExportAsync(_editor, "csv");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var expectedDay = new[]
        {
            $"day,{Today},new_accounts,{await CountTodayAsync("Users", "CreatedAt")}",
            $"day,{Today},articles_published,{await CountTodayAsync("Articles", "PublishedAt")}",
            $"day,{Today},comments,{await CountTodayAsync("Comments", "CreatedAt")}",
            $"day,{Today},favorites,{await CountTodayAsync("Favorites", "CreatedAt")}",
        };
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("section,key,metric,value"));
            Assert.That(lines.Where(l => l.StartsWith($"day,{Today},", StringComparison.Ordinal)), Is.EqualTo(expectedDay));
            Assert.That(
                expectedDay,
                Is.EqualTo(
                    new[]
                    {
                        $"day,{Today},new_accounts,4",
                        $"day,{Today},articles_published,2",
                        $"day,{Today},comments,2",
                        $"day,{Today},favorites,4",
                    }
                )
            );
            Assert.That(lines.Count(l => l.StartsWith("day,", StringComparison.Ordinal)), Is.EqualTo(3 * 4), "yesterday, today, tomorrow");
            Assert.That(
                lines.Where(l => l.StartsWith("top_", StringComparison.Ordinal)),
                Is.EqualTo(
                    new[]
                    {
                        $"top_author,{_star.Username},favorites_received,3",
                        $"top_author,{_reader.Username},favorites_received,1",
                        "top_tag,dragons,uses,2",
                        "top_tag,'=cmd(),uses,1",
                    }
                )
            );
        });
    }

    [Test]
    public async Task The_json_report_has_the_same_numbers()
    {
        var json = JsonNode.Parse(await ExportAsync(_admin, "json"))!;

        var today = json["days"]!.AsArray().Single(d => d!["day"].Str() == Today)!;
        Assert.Multiple(() =>
        {
            Assert.That(
                today.ToJsonString(),
                Is.EqualTo($$"""{"day":"{{Today}}","newAccounts":4,"articlesPublished":2,"comments":2,"favorites":4}""")
            );
            Assert.That(
                json["topAuthors"]![0]!.ToJsonString(),
                Is.EqualTo($$"""{"username":"{{_star.Username}}","favoritesReceived":3}""")
            );
            Assert.That(json["topTags"]!.AsArray(), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Only_editors_and_admins_may_request_and_only_the_requesters_role_may_download()
    {
        var refused = await RequestAsync(_reader, "csv");
        await ApiAssert.ExactErrorAsync(refused, HttpStatusCode.Forbidden, "user", "forbidden");
        var anonymous = await Client.SendAsync(HttpMethod.Post, "/api/admin/exports", body: Body("csv"));
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var byAdmin = await AcceptedIdAsync(await RequestAsync(_admin, "csv"));
        var byEditor = await AcceptedIdAsync(await RequestAsync(_editor, "csv"));

        var editorReadsAdmins = await Client.SendAsync(HttpMethod.Get, $"/api/admin/exports/{byAdmin}/file", _editor.Token);
        await ApiAssert.ExactErrorAsync(editorReadsAdmins, HttpStatusCode.Forbidden, "export", "forbidden");
        var readerReads = await Client.SendAsync(HttpMethod.Get, $"/api/admin/exports/{byEditor}", _reader.Token);
        await ApiAssert.ExactErrorAsync(readerReads, HttpStatusCode.Forbidden, "user", "forbidden");
        var unknown = await Client.SendAsync(HttpMethod.Get, $"/api/admin/exports/{Guid.NewGuid()}", _editor.Token);
        await ApiAssert.ExactErrorAsync(unknown, HttpStatusCode.NotFound, "export", "not found");
        await WaitUntilReadyAsync(_admin, byEditor);
        var adminReadsEditors = await Client.SendAsync(HttpMethod.Get, $"/api/admin/exports/{byEditor}/file", _admin.Token);
        Assert.That(adminReadsEditors.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("kind", "\"everything\"", "kind", "must be site-stats")]
    [TestCase("format", "\"xlsx\"", "format", "must be one of csv, json")]
    [TestCase("from", "\"01/02/2026\"", "from", "must be a date as yyyy-MM-dd")]
    [TestCase("to", "\"2020-01-01\"", "to", "must not be before from")]
    [TestCase("to", "\"2099-01-01\"", "to", "must be less than 731 days after from")]
    [TestCase("from", "20260101", "from", "has an invalid type or value")]
    public async Task Bad_requests_are_a_422_naming_the_field(string field, string json, string key, string message)
    {
        var export = JsonNode.Parse(Body("csv"))!["export"]!.AsObject();
        export[field] = JsonNode.Parse(json);

        var response = await Client.SendAsync(
            HttpMethod.Post,
            "/api/admin/exports",
            _editor.Token,
            new JsonObject { ["export"] = export.DeepClone() }.ToJsonString()
        );

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.UnprocessableContent, key, message);
    }

    private async Task<string> ExportAsync(TestUser requester, string format)
    {
        var id = await AcceptedIdAsync(await RequestAsync(requester, format));
        var ready = await WaitUntilReadyAsync(requester, id);
        Assert.That(ready["downloadUrl"].Str(), Is.EqualTo($"/api/admin/exports/{id}/file"));

        var file = await Client.SendAsync(HttpMethod.Get, ready["downloadUrl"].Str(), requester.Token);
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(file.Content.Headers.ContentType?.MediaType, Is.EqualTo(format == "csv" ? "text/csv" : "application/json"));
        return await file.Content.ReadAsStringAsync();
    }

    private static string Body(string format)
    {
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["export"] = new JsonObject
            {
                ["kind"] = "site-stats",
                ["from"] = yesterday,
                ["to"] = tomorrow,
                ["format"] = format,
            },
        }.ToJsonString();
    }

    private Task<HttpResponseMessage> RequestAsync(TestUser requester, string format) =>
        Client.SendAsync(HttpMethod.Post, "/api/admin/exports", requester.Token, Body(format));

    private static async Task<string> AcceptedIdAsync(HttpResponseMessage response)
    {
        var json = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), json?.ToJsonString());
        Assert.That(json!["export"]!["status"].Str(), Is.EqualTo("pending"));
        return json["export"]!["id"].Str();
    }

    private async Task<JsonNode> WaitUntilReadyAsync(TestUser requester, string id)
    {
        JsonNode export = null!;
        await HangfireJobs.WaitUntilAsync(
            async () =>
            {
                export = (await Client.GetOkAsync($"/api/admin/exports/{id}", requester.Token))["export"]!;
                return export["status"].Str() == "ready";
            },
            "the export is built"
        );
        return export;
    }

    /// <summary>An independent count: plain SQL on the file, the day taken as the text's first ten characters.</summary>
    private async Task<long> CountTodayAsync(string table, string column)
    {
        await using var connection = new SqliteConnection($"Data Source={Factory.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\" WHERE substr(\"{column}\", 1, 10) = $today";
        command.Parameters.AddWithValue("$today", Today);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
