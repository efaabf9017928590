using Microsoft.EntityFrameworkCore.Migrations;

namespace CleanApp.Infrastructure.Persistence;

/// <summary>
/// Data steps that generated migrations cannot know about, called from the migration that needs them (one line per
/// provider, so regenerating a migration only means adding that line back). Plain SQL that reads the same on SQLite and
/// SQL Server, and ids copied from rows, never formatted literals (each provider stores GUIDs its own way).
/// </summary>
public static class DataMigrations
{
    /// <summary>Every account that has a public profile becomes a <c>user</c> (docs/decisions/0032-roles-and-administration.md).</summary>
    public static void AssignUserRoleToExistingAccounts(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(
            """
            INSERT INTO AspNetUserRoles (UserId, RoleId)
            SELECT p.Id, r.Id FROM Users p CROSS JOIN AspNetRoles r
            WHERE r.NormalizedName = 'USER'
              AND NOT EXISTS (SELECT 1 FROM AspNetUserRoles x WHERE x.UserId = p.Id AND x.RoleId = r.Id)
            """
        );
}
