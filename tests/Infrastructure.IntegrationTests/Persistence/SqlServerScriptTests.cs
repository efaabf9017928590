using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.IntegrationTests.Persistence;

/// <summary>The SQL Server create script (no server needed) holds the Conduit tables and their indexes.</summary>
public sealed class SqlServerScriptTests
{
    [Test]
    public void SqlServer_script_creates_the_conduit_tables_and_indexes()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.Database.GenerateCreateScript();
        Assert.Multiple(() =>
        {
            foreach (
                var fragment in new[]
                {
                    "CREATE TABLE [Articles]",
                    "CREATE TABLE [ArticleTags]",
                    "CREATE TABLE [Favorites]",
                    "CREATE TABLE [Comments]",
                    "CREATE TABLE [Follows]",
                    "CREATE UNIQUE INDEX [IX_Articles_Slug]",
                    "[IX_Articles_PublishedAt_Id]",
                    "[IX_Articles_AuthorId_PublishedAt]",
                    "[IX_ArticleTags_Name_ArticleId]",
                    "[IX_Favorites_UserId_ArticleId]",
                    "[IX_Follows_FolloweeId]",
                    "[IX_Comments_ArticleId_CreatedAt]",
                    "[IX_Comments_CreatedAt]",
                    "[IX_Favorites_CreatedAt]",
                    "[IX_Users_CreatedAt]",
                }
            )
            {
                Assert.That(script, Does.Contain(fragment));
            }
        });
    }
}
