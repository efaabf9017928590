using CleanApp.Application.Common.Interfaces;
using CleanApp.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Application.FunctionalTests.Support;

/// <summary>
/// The real container (every registration of the WebApi host) over a real SQLite file: commands and queries are sent
/// through the whole MediatR pipeline exactly as the endpoints and the job engine send them.
/// </summary>
public sealed class TestApp : IDisposable
{
    private readonly Factory _factory = new();

    public IServiceProvider Services => _factory.Services;

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, Guid? asUser = null)
    {
        using var scope = _factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TestCurrentUser>().Id = asUser;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        return await mediator.Send(request);
    }

    /// <summary>Runs <paramref name="query"/> against a fresh context, to check what was really stored.</summary>
    public async Task<T> QueryAsync<T>(Func<ApplicationDbContext, Task<T>> query)
    {
        using var scope = _factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    public void Dispose() => _factory.Dispose();

    private sealed class Factory : WebApplicationFactory<Program>
    {
        private readonly string _databasePath = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"app-{Guid.NewGuid():N}.db");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_databasePath)!);
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={_databasePath}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.ConfigureTestServices(services =>
            {
                services.AddScoped<TestCurrentUser>();
                services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TestCurrentUser>());
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                try
                {
                    File.Delete(_databasePath + suffix);
                }
                catch (IOException)
                {
                    // Cleanup of a temp file must never fail a test.
                }
            }
        }
    }
}

public sealed class TestCurrentUser : ICurrentUser
{
    public Guid? Id { get; set; }
}
