using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CleanApp.Application;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using CleanApp.Infrastructure;
using CleanApp.Infrastructure.Jobs;
using CleanApp.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.SQLite.Entities;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: JobsBenchmark jobs [--jobs 20000] [--samples 200] [--workers 20] [--storage Sqlite|InMemory]
//        JobsBenchmark dashboard [--succeeded 100000] [--failed 10000] [--runs 5]
var mode = args.FirstOrDefault() ?? "jobs";
int Arg(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
string ArgText(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
var folder = Path.Combine(Path.GetTempPath(), $"cleanapp-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
try
{
    if (mode == "dashboard")
    {
        await Dashboard.RunAsync(folder, Arg("--succeeded", 100_000), Arg("--failed", 10_000), Arg("--runs", 5));
    }
    else
    {
        foreach (var storage in ArgText("--storage", "Sqlite,InMemory").Split(','))
        {
            await Jobs.RunAsync(Path.Combine(folder, storage), storage, Arg("--jobs", 20_000), Arg("--samples", 200), Arg("--workers", 20));
        }
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

/// <summary>The benchmark's no-op job; a sample number ≥ 0 records when it started.</summary>
[BackgroundJob("bench.noop")]
public sealed record NoopCommand(int Sample) : IRequest;

public sealed class NoopCommandHandler : IRequestHandler<NoopCommand, Unit>
{
    public static readonly ConcurrentDictionary<int, long> Started = new();

    public Task<Unit> Handle(NoopCommand request, CancellationToken cancellationToken)
    {
        if (request.Sample >= 0)
        {
            Started[request.Sample] = Stopwatch.GetTimestamp();
        }

        return Task.FromResult(Unit.Value);
    }
}

internal static class Composition
{
    public static ServiceProvider Build(string folder, IDictionary<string, string?> settings)
    {
        Directory.CreateDirectory(folder);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Default"] = $"Data Source={Path.Combine(folder, "cleanapp.db")}",
            ["Database:Provider"] = "Sqlite",
            ["Digest:Enabled"] = "false",
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApplicationServices();
        services.AddInfrastructureServices(configuration, new Environment(folder));
        services.AddJobKindsFrom(typeof(NoopCommand).Assembly);
        services.AddScoped<ICurrentUser, NoUser>();
        return services.BuildServiceProvider();
    }

    private sealed class NoUser : ICurrentUser
    {
        public Guid? Id => null;
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";

        public string ApplicationName { get; set; } = "JobsBenchmark";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

internal static class Jobs
{
    public static async Task RunAsync(string folder, string storage, int jobs, int samples, int workers)
    {
        await using var services = Composition.Build(
            folder,
            new Dictionary<string, string?> { ["Jobs:Storage"] = storage, ["Jobs:Enabled"] = "false" }
        );
        await DatabaseInitializer.MigrateAsync(services);
        var relay = services.GetRequiredService<JobOutboxRelay>();
        var hangfire = services.GetRequiredService<JobStorage>();
        long Succeeded() => hangfire.GetMonitoringApi().GetStatistics().Succeeded;

        // The backlog, through the port: outbox rows committed 1,000 per save, then relayed into Hangfire.
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < jobs; done += 1000)
        {
            using var scope = services.CreateScope();
            var scheduler = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
            for (var i = done; i < Math.Min(jobs, done + 1000); i++)
            {
                scheduler.Enqueue(new NoopCommand(-1));
            }

            await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().SaveChangesAsync();
        }

        var staged = clock.Elapsed;
        await relay.RelayPendingAsync(CancellationToken.None);
        var relayed = clock.Elapsed - staged;

        clock.Restart();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        using (var server = Server(services, workers))
        {
            while (Succeeded() < jobs)
            {
                await Task.Delay(50);
            }
        }

        var drain = clock.Elapsed;
        var drainCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        // Latency on an idle server: commit → relay (woken by the commit) → queue → worker → handler start.
        var relayLoop = services.GetServices<IHostedService>().OfType<JobOutboxRelayService>().Single();
        await relayLoop.StartAsync(CancellationToken.None);
        var latencies = new List<double>(samples);
        using (Server(services, workers))
        {
            await Task.Delay(1000);
            for (var sample = 0; sample < samples; sample++)
            {
                var start = Stopwatch.GetTimestamp();
                using (var scope = services.CreateScope())
                {
                    scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(new NoopCommand(sample));
                    await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().SaveChangesAsync();
                }

                while (!NoopCommandHandler.Started.TryGetValue(sample, out _))
                {
                    await Task.Delay(1);
                }

                latencies.Add(Stopwatch.GetElapsedTime(start, NoopCommandHandler.Started[sample]).TotalMilliseconds);
                NoopCommandHandler.Started.TryRemove(sample, out _);
            }
        }

        await relayLoop.StopAsync(CancellationToken.None);
        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"""
                {storage}: {jobs:N0} no-op jobs, {workers} workers
                  enqueue (outbox, 1,000 per commit): {jobs / staged.TotalSeconds:N0} jobs/s; relay to Hangfire: {jobs
                    / relayed.TotalSeconds:N0} jobs/s
                  drain: {drain.TotalSeconds:N1} s = {jobs / drain.TotalSeconds:N0} jobs/s, CPU {drainCpu.TotalMilliseconds
                    / jobs:N2} ms per job
                  enqueue→start latency ({samples} samples, idle server): p50 {P(0.5):N1} ms, p99 {P(0.99):N1} ms, max {latencies[^1]:N1} ms
                """
            )
        );
    }

    private static BackgroundJobServer Server(IServiceProvider services, int workers) =>
        new(
            new BackgroundJobServerOptions
            {
                WorkerCount = workers,
                Activator = services.GetRequiredService<JobActivator>(),
                FilterProvider = services.GetRequiredService<IJobFilterProvider>(),
            },
            services.GetRequiredService<JobStorage>()
        );
}

internal static partial class Dashboard
{
    private const string Password = "benchmark-ops-password";

    public static async Task RunAsync(string folder, int succeeded, int failed, int runs)
    {
        var clock = Stopwatch.StartNew();
        await using (var services = Composition.Build(folder, new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" }))
        {
            await DatabaseInitializer.MigrateAsync(services);
            using var scope = services.CreateScope();
            await scope
                .ServiceProvider.GetRequiredService<IOpsUserService>()
                .CreateOrUpdateAsync("ops@bench.local", Password, OpsRoles.Operator);
            _ = services.GetRequiredService<JobStorage>(); // creates the job store's tables
        }

        Seed(Path.Combine(folder, "cleanapp.hangfire.db"), succeeded, failed);
        Console.WriteLine($"seeded {succeeded:N0} succeeded + {failed:N0} failed jobs in {clock.Elapsed.TotalSeconds:N1} s");

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CleanApp.WebApi.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Benchmark";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "cleanapp.db")}";
        start.Environment["Jobs__Enabled"] = "false";
        start.Environment["Digest__Enabled"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        try
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            while (true)
            {
                try
                {
                    if ((await client.GetAsync("/health/live")).IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            var login = await client.GetStringAsync("/hangfire/login");
            var token = WebUtility.HtmlDecode(Token().Match(login).Groups[1].Value);
            var signIn = await client.PostAsync(
                "/hangfire/login",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["email"] = "ops@bench.local",
                        ["password"] = Password,
                        ["returnUrl"] = "/hangfire",
                    }
                )
            );
            if (signIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"sign-in failed: {signIn.StatusCode}");
            }

            var pages = new[]
            {
                "/hangfire",
                "/hangfire/jobs/enqueued",
                "/hangfire/jobs/scheduled",
                "/hangfire/jobs/processing",
                "/hangfire/jobs/succeeded",
                $"/hangfire/jobs/succeeded?from={succeeded / 2}&count=20",
                "/hangfire/jobs/succeeded?count=500",
                "/hangfire/jobs/failed",
                "/hangfire/jobs/deleted",
                "/hangfire/jobs/awaiting",
                "/hangfire/retries",
                "/hangfire/recurring",
                "/hangfire/servers",
                "/hangfire/jobs/details/1",
                $"/hangfire/jobs/details/{succeeded + failed}",
                "/hangfire/audit",
            };
            Console.WriteLine($"| page | median | max |{Environment.NewLine}| --- | ---: | ---: |");
            foreach (var page in pages)
            {
                var times = new List<double>();
                for (var run = 0; run <= runs; run++)
                {
                    var watch = Stopwatch.StartNew();
                    var response = await client.GetAsync(page);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"{page}: {response.StatusCode}");
                    }

                    if (run > 0)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }

                times.Sort();
                Console.WriteLine(
                    string.Create(CultureInfo.InvariantCulture, $"| `{page}` | {times[times.Count / 2]:N0} ms | {times[^1]:N0} ms |")
                );
            }

            var csrf = WebUtility.HtmlDecode(Csrf().Match(await client.GetStringAsync("/hangfire")).Groups[1].Value);
            var stats = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var watch = Stopwatch.StartNew();
                using var request = new HttpRequestMessage(HttpMethod.Post, "/hangfire/stats")
                {
                    Content = new FormUrlEncodedContent([new("metrics[]", "succeeded:count"), new("metrics[]", "failed:count")]),
                };
                request.Headers.Add("RequestVerificationToken", csrf);
                (await client.SendAsync(request)).EnsureSuccessStatusCode();
                if (run > 0)
                {
                    stats.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            stats.Sort();
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"| `POST /hangfire/stats` (polled) | {stats[stats.Count / 2]:N0} ms | {stats[^1]:N0} ms |"
                )
            );
        }
        finally
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    /// <summary>Rows as Hangfire.Storage.SQLite writes them for finished jobs, in one transaction (the API would take minutes).</summary>
    private static void Seed(string path, int succeeded, int failed)
    {
        using var db = new SQLite.SQLiteConnection(path, storeDateTimeAsTicks: true);
        var now = DateTime.UtcNow;
        db.RunInTransaction(() =>
        {
            for (var id = 1; id <= succeeded + failed; id++)
            {
                var isFailed = id > succeeded;
                var job = JobDispatcher.CreateJob("bench.noop", $$"""{"sample":{{id}}}""", null);
                var invocation = InvocationData.SerializeJob(job);
                var at = now.AddSeconds(-(succeeded + failed - id));
                IState state = isFailed
                    ? new FailedState(new InvalidOperationException("Seeded failure"))
                    : new SucceededState(null, 5, 10);
                db.Insert(
                    new HangfireJob
                    {
                        Id = id,
                        StateId = id,
                        StateName = state.Name,
                        InvocationData = SerializationHelper.Serialize(invocation, SerializationOption.Internal),
                        Arguments = invocation.Arguments,
                        CreatedAt = at,
                        ExpireAt = isFailed ? DateTime.MinValue : now.AddDays(1),
                    }
                );
                db.Insert(
                    new State
                    {
                        Id = id,
                        JobId = id,
                        Name = state.Name,
                        Reason = state.Reason,
                        CreatedAt = at,
                        Data = Newtonsoft.Json.JsonConvert.SerializeObject(state.SerializeData()),
                    }
                );
            }

            db.Insert(
                new AggregatedCounter
                {
                    Key = "stats:succeeded",
                    Value = succeeded,
                    ExpireAt = DateTime.MinValue,
                }
            );
            db.Insert(
                new AggregatedCounter
                {
                    Key = "stats:failed",
                    Value = failed,
                    ExpireAt = DateTime.MinValue,
                }
            );
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex Csrf();
}
