using CleanApp.Infrastructure.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.IntegrationTests.Persistence;

public sealed class MigrationTests
{
    private string _path = null!;

    [SetUp]
    public void NewFile() => _path = InfrastructureHost.NewDatabasePath();

    [TearDown]
    public void DeleteFile() => InfrastructureHost.DeleteDatabase(_path);

    [Test]
    public async Task Migrating_a_fresh_SQLite_file_creates_the_tables()
    {
        using var host = new InfrastructureHost(_path);

        await host.MigrateAsync();

        var tables = await host.WithContextAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToListAsync()
        );
        Assert.That(
            tables,
            Is.SupersetOf(new[] { "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "Users", "DataProtectionKeys", "__EFMigrationsHistory" })
        );
    }

    [Test]
    public async Task After_migrating_no_migration_is_pending_and_migrating_again_is_harmless()
    {
        using var host = new InfrastructureHost(_path);
        await host.MigrateAsync();

        await host.MigrateAsync();

        var pending = await host.WithContextAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.That(pending, Is.Empty);
    }

    [Test]
    public async Task The_username_index_is_unique()
    {
        using var host = new InfrastructureHost(_path);
        await host.MigrateAsync();

        var indexSql = await host.WithContextAsync(db =>
            db.Database.SqlQueryRaw<string>(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Users' AND sql LIKE '%NormalizedUsername%'"
                )
                .ToListAsync()
        );

        Assert.That(indexSql, Has.Some.StartsWith("CREATE UNIQUE INDEX"));
    }

    [Test]
    public async Task The_own_engine_tables_are_gone_and_the_job_outbox_exists()
    {
        using var host = new InfrastructureHost(_path);
        await host.MigrateAsync();

        var tables = await host.WithContextAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync()
        );

        Assert.That(tables, Does.Contain("JobOutbox"));
        Assert.That(
            tables,
            Has.None.AnyOf("Jobs", "JobHistory", "JobServers", "JobQueues", "RecurringJobs", "JobCounters", "JobStatistics")
        );
    }
}
