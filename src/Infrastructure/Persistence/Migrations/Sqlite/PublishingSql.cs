using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanApp.Infrastructure.Persistence.Migrations.Sqlite;

/// <summary>
/// The hand-written part of the SQLite <c>Publishing</c> migration, kept apart so that regenerating the migration on a
/// merged model is "generate, then call <see cref="Up"/> last in Up and <see cref="Down"/> first in Down" (ADR 0041).
/// Frozen with the migration: later changes go into a new migration, never here.
/// </summary>
internal static class PublishingSql
{
    /// <summary>The triggers that keep <c>ArticleSearch</c> in step with <c>Articles</c>, inside each write's own transaction.</summary>
    public static readonly string[] SearchTriggers =
    [
        "Articles_ArticleSearch_Insert",
        "Articles_ArticleSearch_Delete",
        "Articles_ArticleSearch_Update",
    ];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        // Every article of a previous release was public from its creation; a favorite was made no earlier than both
        // its article and its user existed, the best estimate there is (ADR 0042).
        migrationBuilder.Sql("UPDATE \"Articles\" SET \"PublishedAt\" = \"CreatedAt\";");
        migrationBuilder.Sql(
            """
            UPDATE "Favorites" SET "CreatedAt" = (
                SELECT max(a."CreatedAt", u."CreatedAt") FROM "Articles" a, "Users" u
                WHERE a."Id" = "Favorites"."ArticleId" AND u."Id" = "Favorites"."UserId");
            """
        );

        // Full-text search (ADR 0041): the tags as one column (ordinal order, as the API lists them), then an FTS5 index
        // over Articles (external content: the text is stored once, in Articles) kept by triggers, then filled.
        migrationBuilder.Sql(
            """
            UPDATE "Articles" SET "SearchTags" = coalesce((
                SELECT group_concat("Name", ' ') FROM (
                    SELECT "Name" FROM "ArticleTags" WHERE "ArticleId" = "Articles"."Id" ORDER BY "Name")), '');
            """
        );
        migrationBuilder.Sql(
            """
            CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                "Title", "Description", "Body", "SearchTags",
                content='Articles', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
            """
        );
        migrationBuilder.Sql(
            """
            CREATE TRIGGER "Articles_ArticleSearch_Insert" AFTER INSERT ON "Articles" BEGIN
                INSERT INTO "ArticleSearch"("rowid", "Title", "Description", "Body", "SearchTags")
                VALUES (new."Id", new."Title", new."Description", new."Body", new."SearchTags");
            END;
            """
        );
        migrationBuilder.Sql(
            """
            CREATE TRIGGER "Articles_ArticleSearch_Delete" AFTER DELETE ON "Articles" BEGIN
                INSERT INTO "ArticleSearch"("ArticleSearch", "rowid", "Title", "Description", "Body", "SearchTags")
                VALUES ('delete', old."Id", old."Title", old."Description", old."Body", old."SearchTags");
            END;
            """
        );
        migrationBuilder.Sql(
            """
            CREATE TRIGGER "Articles_ArticleSearch_Update" AFTER UPDATE OF "Title", "Description", "Body", "SearchTags" ON "Articles" BEGIN
                INSERT INTO "ArticleSearch"("ArticleSearch", "rowid", "Title", "Description", "Body", "SearchTags")
                VALUES ('delete', old."Id", old."Title", old."Description", old."Body", old."SearchTags");
                INSERT INTO "ArticleSearch"("rowid", "Title", "Description", "Body", "SearchTags")
                VALUES (new."Id", new."Title", new."Description", new."Body", new."SearchTags");
            END;
            """
        );
        migrationBuilder.Sql("INSERT INTO \"ArticleSearch\"(\"ArticleSearch\") VALUES ('rebuild');");
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var trigger in SearchTriggers)
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
        }

        migrationBuilder.Sql("DROP TABLE IF EXISTS \"ArticleSearch\";");
    }
}
