using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanApp.Infrastructure.Persistence.Migrations.SqlServer;

/// <summary>
/// The hand-written part of the SQL Server <c>Publishing</c> migration, kept apart so that regenerating the migration on
/// a merged model is "generate, then call <see cref="Up"/> last in Up and <see cref="Down"/> first in Down" (ADR 0041).
/// Frozen with the migration: later changes go into a new migration, never here.
/// </summary>
internal static class PublishingSql
{
    public const string Catalog = "ArticleSearch";

    public static void Up(MigrationBuilder migrationBuilder)
    {
        // Every article of a previous release was public from its creation; a favorite was made no earlier than both
        // its article and its user existed, the best estimate there is (ADR 0042).
        migrationBuilder.Sql("UPDATE [Articles] SET [PublishedAt] = [CreatedAt];");
        migrationBuilder.Sql(
            """
            UPDATE f SET [CreatedAt] = CASE WHEN a.[CreatedAt] > u.[CreatedAt] THEN a.[CreatedAt] ELSE u.[CreatedAt] END
            FROM [Favorites] f JOIN [Articles] a ON a.[Id] = f.[ArticleId] JOIN [Users] u ON u.[Id] = f.[UserId];
            """
        );

        // Full-text search (ADR 0041): the tags as one column (ordinal order, as the API lists them), then a full-text
        // catalog and index over title, description, body and tags. Full-text DDL cannot run inside a user
        // transaction, hence suppressTransaction; the index is populated by SQL Server in the background (change
        // tracking AUTO), neutral word breaker, accent-insensitive, no stoplist, so every word a user writes is found.
        migrationBuilder.Sql(
            """
            UPDATE a SET [SearchTags] = COALESCE((
                SELECT STRING_AGG(t.[Name], N' ') WITHIN GROUP (ORDER BY t.[Name] COLLATE Latin1_General_BIN2)
                FROM [ArticleTags] t WHERE t.[ArticleId] = a.[Id]), N'')
            FROM [Articles] a;
            """
        );
        migrationBuilder.Sql(
            $"IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'{Catalog}') CREATE FULLTEXT CATALOG [{Catalog}] WITH ACCENT_SENSITIVITY = OFF;",
            suppressTransaction: true
        );
        migrationBuilder.Sql(
            $"""
            CREATE FULLTEXT INDEX ON [Articles] ([Title] LANGUAGE 0, [Description] LANGUAGE 0, [Body] LANGUAGE 0, [SearchTags] LANGUAGE 0)
            KEY INDEX [PK_Articles] ON [{Catalog}] WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);
            """,
            suppressTransaction: true
        );
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            "IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'[Articles]')) DROP FULLTEXT INDEX ON [Articles];",
            suppressTransaction: true
        );
        migrationBuilder.Sql(
            $"IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'{Catalog}') DROP FULLTEXT CATALOG [{Catalog}];",
            suppressTransaction: true
        );
    }
}
