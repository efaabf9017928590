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

    public InfrastructureHost(
        string databasePath,
        TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null
    )
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Default"] = $"Data Source={databasePath}",
            ["Database:Provider"] = "Sqlite",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApplicationServices();
        services.AddInfrastructureServices(configuration, new TestHostEnvironment(Path.GetDirectoryName(databasePath)!));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        configure?.Invoke(services);

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public IServiceProvider Services => _services;

    public Task MigrateAsync() => DatabaseInitializer.MigrateAsync(_services);

    public async Task<T> WithContextAsync<T>(Func<ApplicationDbContext, Task<T>> work)
    {
        using var scope = _services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    /// <summary>Starts the hosted services the web host would start (Hangfire server, outbox relay, digest registration).</summary>
    public async Task StartAsync()
    {
        foreach (var service in _services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            _started.Add(service);
        }
    }

    private readonly List<IHostedService> _started = [];

    public void Dispose()
    {
        foreach (var service in Enumerable.Reverse(_started))
        {
            service.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        _services.Dispose();
    }

    public static string NewDatabasePath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cleanapp-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"infra-{Guid.NewGuid():N}.db");
    }

    /// <summary>Deletes the file and its Hangfire store beside it (<c>x.db</c> → <c>x.hangfire.db</c>).</summary>
    public static void DeleteDatabase(string path)
    {
        path = path.EndsWith(".db", StringComparison.Ordinal) ? path[..^3] : path;
        SqliteConnection.ClearAllPools();
        foreach (
            var suffix in new[]
            {
                string.Empty,
                "-wal",
                "-shm",
                ".hangfire.db",
                ".hangfire.db-wal",
                ".hangfire.db-shm",
                ".hangfire.db.lock",
            }
        )
        {
            try
            {
                File.Delete(path + (suffix.StartsWith(".hangfire", StringComparison.Ordinal) ? suffix : ".db" + suffix));
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
