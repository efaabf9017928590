using CleanApp.Infrastructure.Jobs;
using Hangfire.SqlServer;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Persistence;

/// <summary>Applies migrations: at start-up on the embedded default, or as the explicit <c>migrate</c> step in production.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(db.Database.GetConnectionString());
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation(
                "Applying {Count} migration(s) to the {Provider} database: {Migrations}",
                pending.Count,
                options.Provider,
                string.Join(", ", pending)
            );
            await db.Database.MigrateAsync(cancellationToken);
        }

        var jobs = scope.ServiceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
        if (options.Provider == DatabaseProvider.SqlServer && jobs.Storage is null or JobStorageKind.SqlServer)
        {
            // Hangfire's own schema, installed by Hangfire's own script (idempotent), in the same explicit step.
            logger.LogInformation("Installing or upgrading Hangfire's schema {Schema}", jobs.SqlServer.Schema);
            await using var connection = new Microsoft.Data.SqlClient.SqlConnection(db.Database.GetConnectionString());
            await connection.OpenAsync(cancellationToken);
            SqlServerObjectsInstaller.Install(connection, jobs.SqlServer.Schema);
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed while one writer commits; it is a property of the file, so setting it once sticks.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public static void EnsureSqliteDirectory(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
