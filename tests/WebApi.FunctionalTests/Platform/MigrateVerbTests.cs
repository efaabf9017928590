using System.Diagnostics;
using CleanApp.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>
/// The production migration step (docs/operations.md): `CleanApp.WebApi.dll migrate` applies every migration to the
/// configured database and exits without serving; SQL Server does not migrate on start-up unless told to.
/// </summary>
public sealed class MigrateVerbTests
{
    [Test]
    public async Task The_migrate_verb_applies_every_migration_and_exits()
    {
        var path = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"migrate-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CleanApp.WebApi.dll"));
            start.ArgumentList.Add("migrate");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["ConnectionStrings__Default"] = $"Data Source={path}";
            start.Environment["Database__Provider"] = "Sqlite";
            // Proves the verb migrates by itself, not through migrate-on-start-up.
            start.Environment["Database__MigrateOnStartup"] = "false";
            start.Environment["Jobs__Enabled"] = "false";
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token); // a verb that went on to serve would never exit

            Assert.That(process.ExitCode, Is.Zero, await output + await error);
            var expected = typeof(SqliteApplicationDbContext)
                .Assembly.GetTypes()
                .Where(t => t.Namespace?.EndsWith("Migrations.Sqlite", StringComparison.Ordinal) == true)
                .Select(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false))
                .Where(a => a.Length == 1)
                .Select(a => ((Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute)a[0]).Id)
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.That(expected, Has.Count.GreaterThanOrEqualTo(3));
            Assert.That(await AppliedMigrationsAsync(path), Is.EqualTo(expected));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    [TestCase("SqlServer", null, false)]
    [TestCase("Sqlite", null, true)]
    [TestCase("SqlServer", "true", true)]
    [TestCase("Sqlite", "false", false)]
    public void Migrating_on_start_up_is_on_for_SQLite_and_off_for_SQL_Server_unless_configured(
        string provider,
        string? migrateOnStartup,
        bool expected
    )
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["Database:Provider"] = provider, ["Database:MigrateOnStartup"] = migrateOnStartup }
            )
            .Build();

        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()!;

        Assert.That(options.ShouldMigrateOnStartup, Is.EqualTo(expected));
    }

    private static async Task<List<string>> AppliedMigrationsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
