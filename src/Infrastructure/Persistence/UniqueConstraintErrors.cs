using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.Persistence;

/// <summary>The only place that knows how each provider reports a unique index violation.</summary>
internal static class UniqueConstraintErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerDuplicateKeyRow = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException switch
        {
            SqliteException e => e.SqliteErrorCode == SqliteConstraint
                && (e.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey),
            SqlException e => e.Number is SqlServerDuplicateKeyRow or SqlServerUniqueConstraint,
            _ => false,
        };
}
