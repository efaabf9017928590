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
        // Everything the host writes (database, .eml pickup folder) stays in this temp folder, never under src/; the
        // Testing environment configures no log sink, so logs go to the console only.
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"app-{Guid.NewGuid():N}");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(Folder);
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(Folder, "cleanapp.db")}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Email:PickupDirectory", Path.Combine(Folder, "mail"));
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
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Cleanup of a temp folder must never fail a test.
            }
        }
    }
}

public sealed class TestCurrentUser : ICurrentUser
{
    public Guid? Id { get; set; }
}
