using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CleanApp.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build each provider's context without starting the web host. The connection strings here are
/// placeholders for generating migrations; no database is contacted (build/add-migration.sh).
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteApplicationDbContext>
{
    public SqliteApplicationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteApplicationDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerApplicationDbContext>
{
    public SqlServerApplicationDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<SqlServerApplicationDbContext>()
                .UseSqlServer("Server=design-time;Database=CleanApp;Integrated Security=false")
                .Options
        );
}
