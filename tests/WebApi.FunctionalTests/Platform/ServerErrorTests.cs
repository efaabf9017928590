using System.Net;
using System.Text.Json.Nodes;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Data.Sqlite;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>
/// An unexpected failure (here: a table gone from under the running app) is a 500 that names the trace to look for in
/// the logs and never leaks the exception's message or stack.
/// </summary>
public sealed class ServerErrorTests
{
    [Test]
    public async Task A_500_carries_the_trace_id_and_no_exception_details()
    {
        using var factory = new CleanAppFactory();
        using var client = factory.CreateClient();
        await client.RegisterAsync("boom");
        await using (var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE ArticleTags";
            await command.ExecuteNonQueryAsync();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tags");
        request.Headers.Add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(body["errors"]!.ToJsonString(), Is.EqualTo("""{"server":["an unexpected error occurred"]}"""));
            Assert.That((string?)body["traceId"], Does.Contain("4bf92f3577b34da6a3ce929d0e0e4736"));
            Assert.That(text, Does.Not.Contain("ArticleTags").And.Not.Contain("SQLite").And.Not.Contain(" at "));
        });
    }
}
