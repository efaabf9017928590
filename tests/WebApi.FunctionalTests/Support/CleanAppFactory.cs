using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>
/// The real host over real HTTP semantics, on its own real SQLite file (never EF InMemory). Settings are passed with
/// UseSetting, never through process-wide environment variables, so fixtures can run side by side. Everything the host
/// writes (database, .eml pickup folder, export files) goes into one temp folder per factory, never under src/; the Testing
/// environment configures no log sink, so logs go to the console only.
/// </summary>
public class CleanAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];

    public CleanAppFactory()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cleanapp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "cleanapp.db");
        MailDirectory = Path.Combine(Folder, "mail");
        WithSetting("Email:PickupDirectory", MailDirectory);
        WithSetting("Exports:Directory", Path.Combine(Folder, "exports"));
    }

    /// <summary>This host's private temp folder, deleted with the factory.</summary>
    public string Folder { get; }

    public string DatabasePath { get; }

    public string MailDirectory { get; }

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
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
