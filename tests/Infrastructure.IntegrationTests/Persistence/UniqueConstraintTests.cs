using CleanApp.Application.Common.Exceptions;
using CleanApp.Domain.Users;
using CleanApp.Infrastructure.Identity;
using CleanApp.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.IntegrationTests.Persistence;

/// <summary>A unique index violation on a real SQLite file surfaces as the provider-neutral exception Application handles.</summary>
public sealed class UniqueConstraintTests
{
    private string _path = null!;

    [SetUp]
    public void CreateFile() => _path = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"unique-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteFile()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Test]
    public async Task A_duplicate_unique_key_throws_UniqueConstraintViolationException()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var options = new DbContextOptionsBuilder<SqliteApplicationDbContext>().UseSqlite($"Data Source={_path}").Options;
        await using var db = new SqliteApplicationDbContext(options);
        await db.Database.MigrateAsync();

        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        db.Users.AddRange(
            new ApplicationUser { Id = first, UserName = first.ToString("N") },
            new ApplicationUser { Id = second, UserName = second.ToString("N") }
        );
        db.Set<User>().Add(User.Register(first, "same_name"));
        await db.SaveChangesAsync();

        db.Set<User>().Add(User.Register(second, "SAME_name"));

        await Assert.ThrowsAsync<UniqueConstraintViolationException>(() => db.SaveChangesAsync());
    }
}
