using System.Collections.Concurrent;
using System.Diagnostics;
using CleanApp.Application;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using CleanApp.Infrastructure.Persistence;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>
/// One real SQLite file in a temp folder, migrated, shared by any number of engine instances ("processes"), each its
/// own container built by the production composition (AddApplicationServices + AddInfrastructureServices) plus the
/// test assembly's job kinds and handlers.
/// </summary>
public sealed class JobTestEnvironment : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cleanapp-jobs-tests", Guid.NewGuid().ToString("N"));
    private readonly List<JobNode> _nodes = [];

    public JobTestEnvironment(FakeTimeProvider? clock = null)
    {
        Directory.CreateDirectory(_directory);
        Clock = clock;
    }

    public string DatabasePath => Path.Combine(_directory, "jobs.db");

    public FakeTimeProvider? Clock { get; }

    public JobProbe Probe { get; } = new();

    public LogCapture Logs { get; } = new();

    /// <summary>Fast timings for tests; a test overrides what it needs.</summary>
    public static Dictionary<string, string?> FastSettings() =>
        new(StringComparer.Ordinal)
        {
            ["Jobs:Workers"] = "4",
            ["Jobs:PollInterval"] = "00:00:00.100",
            ["Jobs:SchedulerInterval"] = "00:00:00.050",
            ["Jobs:HeartbeatInterval"] = "00:00:00.100",
            ["Jobs:LeaseDuration"] = "00:01:00",
            ["Jobs:ReaperInterval"] = "00:00:00.050",
            ["Jobs:ServerTimeout"] = "00:05:00",
            ["Jobs:ShutdownGracePeriod"] = "00:00:02",
            ["Jobs:ShutdownCancelWait"] = "00:00:01",
            ["Jobs:ExpirationInterval"] = "01:00:00",
            ["Jobs:CounterAggregationInterval"] = "01:00:00",
            ["Jobs:MisfireThreshold"] = "00:00:05",
        };

    /// <summary>A container on the shared database; <paramref name="serverEnabled"/> false = web-only instance (no server).</summary>
    public async Task<JobNode> StartNodeAsync(
        Action<Dictionary<string, string?>>? configure = null,
        bool serverEnabled = true,
        bool start = true
    )
    {
        var settings = FastSettings();
        settings["ConnectionStrings:Default"] = $"Data Source={DatabasePath}";
        settings["Database:Provider"] = "Sqlite";
        settings["Jobs:Enabled"] = serverEnabled ? "true" : "false";
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Information));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApplicationServices();
        services.AddInfrastructureServices(configuration, new TestHostEnvironment(_directory));
        services.AddJobKindsFrom(typeof(JobTestEnvironment).Assembly);
        services.AddSingleton(Probe);
        services.AddSingleton<ICurrentUser, NoCurrentUser>();
        if (Clock is not null)
        {
            services.AddSingleton<TimeProvider>(Clock);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        if (_nodes.Count == 0)
        {
            await DatabaseInitializer.MigrateAsync(provider);
        }

        var node = new JobNode(provider);
        _nodes.Add(node);
        if (start && node.Server is not null)
        {
            await node.Server.StartAsync(CancellationToken.None);
        }

        return node;
    }

    public async Task<JobRecord> JobAsync(string id)
    {
        await using var scope = _nodes[0].Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    public async Task<T> QueryAsync<T>(Func<ApplicationDbContext, Task<T>> query)
    {
        await using var scope = _nodes[0].Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    public Task<List<JobHistoryEntry>> HistoryAsync(string id) =>
        QueryAsync(db => db.JobHistory.AsNoTracking().Where(h => h.JobId == id).OrderBy(h => h.Id).ToListAsync());

    public async Task<JobRecord> WaitForStateAsync(string id, JobState state, TimeSpan? timeout = null)
    {
        JobRecord? job = null;
        await WaitUntilAsync(
            async () => (job = await JobAsync(id)).State == state,
            timeout,
            () => $"job {id} to be {state} (is {job?.State}: {job?.StateReason})"
        );
        return job!;
    }

    /// <summary>Polls <paramref name="condition"/> until true or the timeout (no fixed sleeps in the tests).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, Func<string>? what = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(15);
        var stopwatch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (stopwatch.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0.#} s waiting for {what?.Invoke() ?? "a condition"}");
            }

            await Task.Delay(20);
        }
    }

    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, Func<string>? what = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Cleanup of a temp folder must never fail a test.
        }
    }

    private sealed class NoCurrentUser : ICurrentUser
    {
        public Guid? Id => null;
    }

    private sealed class TestHostEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "CleanApp.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>One engine instance: a container (one "process") and, when enabled, its server.</summary>
public sealed class JobNode(ServiceProvider services) : IAsyncDisposable
{
    private bool _stopped;

    public ServiceProvider Services { get; } = services;

    public JobServer? Server { get; } = services.GetService<JobServer>();

    /// <summary>Creates a job in a fresh unit of work and commits it.</summary>
    public async Task<string> EnqueueAsync<TCommand>(TCommand command, JobOptions? options = null)
        where TCommand : IRequest<Unit>
    {
        await using var scope = Services.CreateAsyncScope();
        var id = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>().Enqueue(command, options);
        await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().SaveChangesAsync();
        return id;
    }

    /// <summary>Runs <paramref name="work"/> with a client and the unit of work it stages into, then commits.</summary>
    public async Task<T> WithClientAsync<T>(Func<IBackgroundJobClient, T> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = work(scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>());
        await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().SaveChangesAsync();
        return result;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task StopAsync()
    {
        if (!_stopped && Server is not null)
        {
            _stopped = true;
            await Server.StopAsync(CancellationToken.None);
        }
    }

    public async Task CrashAsync()
    {
        _stopped = true;
        await Server!.SimulateCrashAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped && Server is not null)
        {
            _stopped = true;
            await Server.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
    }
}

/// <summary>Collects log messages so tests can check that something was logged (e.g. a stale completion).</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        ) => owner.Messages.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
