using CleanApp.Application;
using CleanApp.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CleanApp.Infrastructure.IntegrationTests.Support;

/// <summary>
/// The Application + Infrastructure registrations exactly as the web host composes them, over a temporary real SQLite
/// file (never EF InMemory). Several hosts may share one file to play several instances of the app.
/// </summary>
public sealed class InfrastructureHost : IDisposable
{
    private readonly ServiceProvider _services;

    public InfrastructureHost(string databasePath, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["ConnectionStrings:Default"] = $"Data Source={databasePath}",
                    ["Database:Provider"] = "Sqlite",
                }
            )
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApplicationServices();
        services.AddInfrastructureServices(configuration, new TestHostEnvironment(Path.GetDirectoryName(databasePath)!));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public IServiceProvider Services => _services;

    public Task MigrateAsync() => DatabaseInitializer.MigrateAsync(_services);

    public async Task<T> WithContextAsync<T>(Func<ApplicationDbContext, Task<T>> work)
    {
        using var scope = _services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    public void Dispose() => _services.Dispose();

    public static string NewDatabasePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cleanapp-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"infra-{Guid.NewGuid():N}.db");
    }

    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            try
            {
                File.Delete(path + suffix);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless; never fail a test over cleanup.
            }
        }
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "CleanApp.Infrastructure.IntegrationTests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
