using CleanApp.Infrastructure.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Infrastructure.IntegrationTests.Persistence;

/// <summary>The PRAGMA is applied once per physical connection, so every pooled reuse must still carry it.</summary>
public sealed class SqlitePragmaInterceptorTests
{
    [Test]
    public async Task Every_open_of_a_pooled_connection_runs_with_synchronous_NORMAL()
    {
        var path = InfrastructureHost.NewDatabasePath();
        try
        {
            using var host = new InfrastructureHost(path);
            await host.MigrateAsync();

            for (var i = 0; i < 3; i++)
            {
                var level = await host.WithContextAsync(db =>
                    db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync()
                );
                Assert.That(level, Is.EqualTo(1), "1 is NORMAL (the default would be 2, FULL)");
            }
        }
        finally
        {
            InfrastructureHost.DeleteDatabase(path);
        }
    }
}
