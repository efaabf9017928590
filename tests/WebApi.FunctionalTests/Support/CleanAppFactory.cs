using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>
/// The real host over real HTTP semantics, on its own real SQLite file (never EF InMemory). Settings are passed with
/// UseSetting, never through process-wide environment variables, so fixtures can run side by side.
/// </summary>
public class CleanAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];

    public CleanAppFactory()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cleanapp-tests");
        Directory.CreateDirectory(folder);
        DatabasePath = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    public string DatabasePath { get; }

    /// <summary>Overrides one configuration value for this host; call before the first request.</summary>
    public CleanAppFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services for this host (a moved clock, say); call before the first request.</summary>
    public CleanAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:Provider", "Sqlite");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        // The application's file and, when a test ran Hangfire on SQLite, the job store beside it.
        var jobStore = Path.ChangeExtension(DatabasePath, ".hangfire.db");
        foreach (var file in new[] { DatabasePath, jobStore }.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless; never fail a test over cleanup.
            }
        }
    }
}
