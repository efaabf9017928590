using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanApp.Infrastructure.IntegrationTests.Persistence;

/// <summary>Fails when the model has changes that no checked-in migration covers, for each provider.</summary>
public sealed class MigrationsTests
{
    [Test]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.That(HasPendingModelChanges(db), Is.False, "run build/add-migration.sh <Name>");
    }

    [Test]
    public void SqlServer_migrations_cover_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.That(HasPendingModelChanges(db), Is.False, "run build/add-migration.sh <Name>");
    }

    [Test]
    public void SqlServer_script_creates_the_conduit_tables_and_indexes()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.Database.GenerateCreateScript();
        Assert.Multiple(() =>
        {
            foreach (var fragment in new[]
            {
                "CREATE TABLE [Articles]", "CREATE TABLE [ArticleTags]", "CREATE TABLE [Favorites]", "CREATE TABLE [Comments]", "CREATE TABLE [Follows]",
                "CREATE UNIQUE INDEX [IX_Articles_Slug]", "[IX_Articles_CreatedAt_Id]", "[IX_Articles_AuthorId_CreatedAt]", "[IX_ArticleTags_Name_ArticleId]",
                "[IX_Favorites_UserId_ArticleId]", "[IX_Follows_FolloweeId]", "[IX_Comments_ArticleId_CreatedAt]",
            })
            {
                Assert.That(script, Does.Contain(fragment));
            }
        });
    }

    private static bool HasPendingModelChanges(DbContext db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model ?? throw new InvalidOperationException("No model snapshot.");
        if (snapshot is IMutableModel mutable)
        {
            snapshot = mutable.FinalizeModel();
        }

        snapshot = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        return db.GetService<IMigrationsModelDiffer>().HasDifferences(snapshot.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
    }
}
