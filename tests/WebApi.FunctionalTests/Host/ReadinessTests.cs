using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Data.Sqlite;

namespace CleanApp.WebApi.FunctionalTests.Host;

/// <summary>
/// <c>/health/ready</c> asks the real database for its migration history through the DbContext: 200 while it answers,
/// 503 with the same JSON shape once the SQLite file is no database, holds no schema or its folder is gone, while
/// <c>/health/live</c> stays 200. Each test breaks its own host's database after start-up (the start-up steps need it),
/// so the job server is off.
/// </summary>
public sealed class ReadinessTests
{
    [Test]
    public async Task Ready_is_200_with_every_check_healthy_while_the_database_answers()
    {
        using var factory = new CleanAppFactory().WithSetting("Jobs:Enabled", "false");
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Is.EqualTo("{\"status\":\"Healthy\",\"checks\":{\"database\":{\"status\":\"Healthy\",\"description\":null}}}")
        );
    }

    [Test]
    public async Task Ready_is_503_when_the_file_is_not_a_database_and_says_nothing_about_it()
    {
        using var factory = new CleanAppFactory().WithSetting("Jobs:Enabled", "false");
        using var client = factory.CreateClient();
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "healthy before");

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(factory.DatabasePath + suffix);
        }

        await File.WriteAllTextAsync(factory.DatabasePath, string.Concat(Enumerable.Repeat("this is not a database. ", 200)));

        var response = await client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Is.EqualTo(
                "{\"status\":\"Unhealthy\",\"checks\":{\"database\":{\"status\":\"Unhealthy\",\"description\":\"failed; details are in the logs\"}}}"
            )
        );
        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_is_503_when_the_database_was_never_migrated()
    {
        using var factory = new CleanAppFactory().WithSetting("Jobs:Enabled", "false");
        using var client = factory.CreateClient();
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "healthy before");

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(factory.DatabasePath + suffix);
        }

        await using (var empty = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await empty.OpenAsync();
            await using var create = empty.CreateCommand();
            create.CommandText = "CREATE TABLE Unrelated (Id INTEGER);";
            await create.ExecuteNonQueryAsync();
        }

        var response = await client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Is.EqualTo("{\"status\":\"Unhealthy\",\"checks\":{\"database\":{\"status\":\"Unhealthy\",\"description\":null}}}")
        );
    }

    [Test]
    public async Task Ready_is_503_when_the_database_folder_is_gone()
    {
        using var factory = new CleanAppFactory().WithSetting("Jobs:Enabled", "false");
        using var client = factory.CreateClient();
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "healthy before");

        SqliteConnection.ClearAllPools();
        Directory.Delete(factory.Folder, recursive: true);

        var response = await client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(
            await response.Content.ReadAsStringAsync(),
            Is.EqualTo("{\"status\":\"Unhealthy\",\"checks\":{\"database\":{\"status\":\"Unhealthy\",\"description\":null}}}")
        );
        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
