using CleanApp.Infrastructure.IntegrationTests.Support;
using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace CleanApp.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Fails when the model has changes that no checked-in migration covers (STYLE.md rule 10), once per provider, since each
/// provider has its own migration history. EF Core 6 has no HasPendingModelChanges, so this compares the migrations'
/// model snapshot with the current design-time model the way `dotnet ef migrations add` would.
/// </summary>
public sealed class PendingModelChangesTests
{
    [Test]
    public void The_Sqlite_model_has_no_changes_without_a_migration()
    {
        var path = InfrastructureHost.NewDatabasePath();
        try
        {
            using var context = new SqliteApplicationDbContext(
                new DbContextOptionsBuilder<SqliteApplicationDbContext>().UseSqlite($"Data Source={path}").Options
            );

            AssertNoPendingModelChanges(context);
        }
        finally
        {
            InfrastructureHost.DeleteDatabase(path);
        }
    }

    [Test]
    public void The_SqlServer_model_has_no_changes_without_a_migration()
    {
        // No server is contacted: building the model needs only the provider, not a connection.
        using var context = new SqlServerApplicationDbContext(
            new DbContextOptionsBuilder<SqlServerApplicationDbContext>()
                .UseSqlServer("Server=unused.invalid;Database=CleanApp;Integrated Security=false")
                .Options
        );

        AssertNoPendingModelChanges(context);
    }

    [Test]
    public void Each_provider_has_its_own_migrations_and_snapshot()
    {
        using var sqlite = new SqliteApplicationDbContext(
            new DbContextOptionsBuilder<SqliteApplicationDbContext>().UseSqlite("Data Source=unused.db").Options
        );
        using var sqlServer = new SqlServerApplicationDbContext(
            new DbContextOptionsBuilder<SqlServerApplicationDbContext>().UseSqlServer("Server=unused.invalid;Database=CleanApp").Options
        );

        var sqliteMigrations = sqlite.GetService<IMigrationsAssembly>();
        var sqlServerMigrations = sqlServer.GetService<IMigrationsAssembly>();

        Assert.Multiple(() =>
        {
            Assert.That(sqliteMigrations.Migrations, Is.Not.Empty);
            Assert.That(sqlServerMigrations.Migrations, Is.Not.Empty);
            Assert.That(sqliteMigrations.ModelSnapshot?.GetType().Namespace, Does.EndWith(".Migrations.Sqlite"));
            Assert.That(sqlServerMigrations.ModelSnapshot?.GetType().Namespace, Does.EndWith(".Migrations.SqlServer"));
            Assert.That(sqliteMigrations.Migrations.Values.Select(t => t.Namespace), Is.All.EndWith(".Migrations.Sqlite"));
            Assert.That(sqlServerMigrations.Migrations.Values.Select(t => t.Namespace), Is.All.EndWith(".Migrations.SqlServer"));
        });
    }

    private static void AssertNoPendingModelChanges(DbContext context)
    {
        var snapshot = context.GetService<IMigrationsAssembly>().ModelSnapshot;
        Assert.That(snapshot, Is.Not.Null, $"{context.GetType().Name} has no model snapshot: add a migration.");

        IModel snapshotModel = snapshot!.Model is IMutableModel mutable ? mutable.FinalizeModel() : (IModel)snapshot.Model;
        snapshotModel = context.GetService<IModelRuntimeInitializer>().Initialize(snapshotModel, designTime: true, validationLogger: null);

        var differences = context
            .GetService<IMigrationsModelDiffer>()
            .GetDifferences(snapshotModel.GetRelationalModel(), context.GetService<IDesignTimeModel>().Model.GetRelationalModel());

        Assert.That(
            differences.Select(Describe),
            Is.Empty,
            $"The {context.GetType().Name} model has changes no migration covers: run build/add-migration.sh."
        );
    }

    /// <summary>"AlterColumnOperation Users.Bio": enough to see what the missing migration is about.</summary>
    private static string Describe(MigrationOperation operation)
    {
        var table = operation.GetType().GetProperty("Table")?.GetValue(operation);
        var name = operation.GetType().GetProperty("Name")?.GetValue(operation);
        return $"{operation.GetType().Name} {string.Join('.', new[] { table, name }.Where(v => v is not null))}";
    }
}
