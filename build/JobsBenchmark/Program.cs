using System.Diagnostics;
using System.Globalization;
using CleanApp.Application;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure;
using CleanApp.Infrastructure.Jobs;
using CleanApp.Infrastructure.Persistence;
using CleanApp.JobsBenchmark;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Job engine benchmark on a temp SQLite file (JOBS.md "Numbers to reach"):
//   1. drain: enqueue a backlog of N no-op jobs with no server running, then start one server and time the drain;
//   2. latency: with an idle engine, enqueue one job at a time (transactional enqueue + post-commit wake-up) and time
//      commit → handler start; report p50/p99.
// Usage: build/bench-jobs.sh [--jobs 100000] [--workers 64] [--samples 300]
if (args.Contains("--busy-probe"))
{
    var file = Path.Combine(Path.GetTempPath(), $"busy-{Guid.NewGuid():N}.db");
    await using var a = new SqliteConnection($"Data Source={file}");
    await using var b = new SqliteConnection($"Data Source={file};Pooling=False");
    a.Open();
    b.Open();
    using (var c = a.CreateCommand())
    {
        c.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t(x);";
        c.ExecuteNonQuery();
    }
    // Default Microsoft.Data.Sqlite behaviour: no busy_timeout, its own retry loop.
    using (var c = a.CreateCommand())
    {
        c.CommandText = "BEGIN IMMEDIATE; INSERT INTO t VALUES (1);";
        c.ExecuteNonQuery();
    }
    var sw = Stopwatch.StartNew();
    var waiter = Task.Run(() =>
    {
        using var c = b.CreateCommand();
        c.CommandText = "BEGIN IMMEDIATE; INSERT INTO t VALUES (2); COMMIT;";
        c.ExecuteNonQuery();
        return sw.Elapsed;
    });
    await Task.Delay(30);
    using (var c = a.CreateCommand())
    {
        c.CommandText = "COMMIT;";
        c.ExecuteNonQuery();
    }
    Console.WriteLine($"busy wait after a 30 ms lock: {(await waiter).TotalMilliseconds:0} ms");
    return;
}

var jobs = Arg("--jobs", 100_000);
var workers = Arg("--workers", 64);
var samples = Arg("--samples", 300);
var directory = Path.Combine(Path.GetTempPath(), "cleanapp-jobs-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
var database = Path.Combine(directory, "bench.db");
Console.WriteLine($"SQLite file: {database}; {Environment.ProcessorCount} cores; {jobs:N0} jobs; {workers} workers");

try
{
    // 1. Backlog, enqueued by a web-only instance (Jobs:Enabled=false).
    await using (var web = Build(database, workers, serverEnabled: false))
    {
        await DatabaseInitializer.MigrateAsync(web);
        var enqueue = Stopwatch.StartNew();
        for (var done = 0; done < jobs; )
        {
            await using var scope = web.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
            var batch = Math.Min(2000, jobs - done);
            for (var i = 0; i < batch; i++)
            {
                client.Enqueue(new NoOpJob(done + i));
            }

            await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().SaveChangesAsync();
            done += batch;
        }

        enqueue.Stop();
        Console.WriteLine(
            $"enqueue: {jobs:N0} jobs in {enqueue.Elapsed.TotalSeconds:0.0} s ({jobs / enqueue.Elapsed.TotalSeconds:N0} jobs/s, batches of 2,000 per commit)"
        );
    }

    // 2. Drain with one server.
    await using (var engine = Build(database, workers, serverEnabled: true))
    {
        var server = engine.GetRequiredService<JobServer>();
        var drain = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        await server.StartAsync(CancellationToken.None);
        while (NoOpJobHandler.Executed < jobs)
        {
            await Task.Delay(100);
        }

        var handlersDone = drain.Elapsed;
        await using (var scope = engine.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            while (await db.Jobs.AnyAsync(j => j.State == JobState.Enqueued || j.State == JobState.Processing))
            {
                await Task.Delay(50);
            }
        }

        drain.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var stats = server.Statistics;
        Console.WriteLine(
            $"claims: {stats.ClaimRounds:N0} rounds, {(double)stats.JobsClaimed / Math.Max(1, stats.ClaimRounds):0.0} jobs each; completions: {stats.CompletionBatches:N0} batches, {(double)stats.JobsCompleted / Math.Max(1, stats.CompletionBatches):0.0} jobs each"
        );
        Console.WriteLine(
            $"drain: {jobs:N0} jobs in {drain.Elapsed.TotalSeconds:0.0} s = {jobs / drain.Elapsed.TotalSeconds:N0} jobs/s (all Succeeded; handlers done after {handlersDone.TotalSeconds:0.0} s)"
        );
        // On a shared machine wall-clock rates depend on other load; CPU time per job does much less.
        Console.WriteLine(
            $"drain CPU: {cpu.TotalMilliseconds / jobs:0.00} ms per job (process CPU {cpu.TotalSeconds:0.0} s; {Environment.ProcessorCount} cores would sustain ≈ {Environment.ProcessorCount * 1000 / (cpu.TotalMilliseconds / jobs):N0} jobs/s if CPU-bound); load average now: {LoadAverage()}"
        );

        // 3. Latency with the engine idle.
        var latencies = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            await using var scope = engine.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
            var probe = new LatencyJob(Guid.NewGuid());
            var started = LatencyJobHandler.Expect(probe.Token);
            client.Enqueue(probe);
            var commit = Stopwatch.GetTimestamp();
            await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().SaveChangesAsync();
            var startedAt = await started.WaitAsync(TimeSpan.FromSeconds(30));
            latencies.Add(Stopwatch.GetElapsedTime(commit, startedAt).TotalMilliseconds);
            await Task.Delay(10);
        }

        latencies.Sort();
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"latency (SaveChanges start → handler start, idle engine, {samples} samples): p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms"
            )
        );
        await server.StopAsync(CancellationToken.None);
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(directory, recursive: true);
    }
    catch (IOException)
    {
        // A temp folder left behind is harmless.
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static ServiceProvider Build(string database, int workers, bool serverEnabled)
{
    var configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["ConnectionStrings:Default"] = $"Data Source={database}",
                ["Database:Provider"] = "Sqlite",
                ["Jobs:Enabled"] = serverEnabled ? "true" : "false",
                ["Jobs:Workers"] = workers.ToString(CultureInfo.InvariantCulture),
            }
        )
        .Build();
    var services = new ServiceCollection();
    services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));
    services.AddSingleton<IConfiguration>(configuration);
    services.AddApplicationServices();
    services.AddInfrastructureServices(configuration, new BenchEnvironment(Path.GetDirectoryName(database)!));
    services.AddJobKindsFrom(typeof(NoOpJob).Assembly);
    services.AddSingleton<ICurrentUser, NoUser>();
    return services.BuildServiceProvider();
}

namespace CleanApp.JobsBenchmark
{
    [BackgroundJob("bench.noop")]
    public sealed record NoOpJob(int N) : IRequest;

    public sealed class NoOpJobHandler : IRequestHandler<NoOpJob, Unit>
    {
        private static int _executed;

        public static int Executed => Volatile.Read(ref _executed);

        public Task<Unit> Handle(NoOpJob request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _executed);
            return Task.FromResult(Unit.Value);
        }
    }

    [BackgroundJob("bench.latency")]
    public sealed record LatencyJob(Guid Token) : IRequest;

    public sealed class LatencyJobHandler : IRequestHandler<LatencyJob, Unit>
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, TaskCompletionSource<long>> Waiting = new();

        public static Task<long> Expect(Guid token) =>
            Waiting.GetOrAdd(token, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public Task<Unit> Handle(LatencyJob request, CancellationToken cancellationToken)
        {
            if (Waiting.TryRemove(request.Token, out var started))
            {
                started.TrySetResult(Stopwatch.GetTimestamp());
            }

            return Task.FromResult(Unit.Value);
        }
    }

    internal sealed class NoUser : ICurrentUser
    {
        public Guid? Id => null;
    }

    internal sealed class BenchEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";

        public string ApplicationName { get; set; } = "CleanApp.JobsBenchmark";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
