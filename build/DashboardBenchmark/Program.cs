using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

// Dashboard benchmark (JOBS.md "Numbers to reach": every page < 1 s with 1M succeeded + 100k failed jobs):
//   1. migrate a temp SQLite file with the real WebApi `migrate` verb;
//   2. bulk-insert the engine's rows with set-based SQL (1M Succeeded, 100k Failed, their history rows, a few jobs in
//      the other states, hourly/daily statistics, recurring jobs, servers);
//   3. start the real WebApi host on it (Jobs:Enabled=false, so nothing moves), sign in as an ops operator and time each
//      dashboard page over HTTP: one warm-up, then the median and the maximum of --runs requests.
// Usage: build/bench-dashboard.sh [--succeeded 1000000] [--failed 100000] [--runs 5]
var succeeded = Arg("--succeeded", 1_000_000);
var failed = Arg("--failed", 100_000);
var runs = Arg("--runs", 5);
var directory = Path.Combine(Path.GetTempPath(), "cleanapp-dashboard-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
var database = Path.Combine(directory, "bench.db");
var webApi = Path.Combine(AppContext.BaseDirectory, "CleanApp.WebApi.dll");
Console.WriteLine($"SQLite file: {database}; {Environment.ProcessorCount} cores; {succeeded:N0} succeeded + {failed:N0} failed jobs");

Process? host = null;
try
{
    await RunToEndAsync(["migrate"]);

    var seed = Stopwatch.StartNew();
    Seed(database, succeeded, failed);
    Console.WriteLine($"seed: {seed.Elapsed.TotalSeconds:0.0} s ({new FileInfo(database).Length / 1024 / 1024:N0} MB)");

    const string password = "bench-password-1";
    await RunToEndAsync(["create-ops-user", "--email", "bench@example.com", "--role", "operator"], password + "\n");

    var port = FreePort();
    host = Start(["--urls", $"http://127.0.0.1:{port}"]);
    using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
    using var http = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    await WaitUntilUpAsync(http);
    await SignInAsync(http, "bench@example.com", password);

    var succeededPage = await http.GetStringAsync("/jobs/jobs/succeeded");
    var next = Regex
        .Match(succeededPage, "href=\"(/jobs/jobs/succeeded\\?after=[^\"]+)\"")
        .Groups[1]
        .Value.Replace("&amp;", "&", StringComparison.Ordinal);
    var failedId = Regex.Match(await http.GetStringAsync("/jobs/jobs/failed"), "data-job-id=\"([0-9a-f]+)\"").Groups[1].Value;
    var from = DateTime.UtcNow.AddHours(-13).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
    var to = DateTime.UtcNow.AddHours(-12).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    (string Name, string Path)[] pages =
    [
        ("Overview", "/jobs"),
        ("Realtime counters (polled)", "/jobs/stats"),
        ("Queues", "/jobs/queues"),
        ("Enqueued", "/jobs/jobs/enqueued"),
        ("Scheduled", "/jobs/jobs/scheduled"),
        ("Processing", "/jobs/jobs/processing"),
        ("Succeeded", "/jobs/jobs/succeeded"),
        ("Succeeded, next page (keyset)", next),
        ("Succeeded, 200 per page", "/jobs/jobs/succeeded?size=200"),
        ("Succeeded, filter kind", "/jobs/jobs/succeeded?kind=bench.rare"),
        ("Succeeded, filter queue", "/jobs/jobs/succeeded?queue=reports"),
        ("Succeeded, date range (1 h)", $"/jobs/jobs/succeeded?from={from}&to={to}"),
        ("Succeeded, text search (no match)", "/jobs/jobs/succeeded?q=no-such-text"),
        ("Failed", "/jobs/jobs/failed"),
        ("Failed, text search", "/jobs/jobs/failed?q=Timeout"),
        ("Failed, filter kind + queue", "/jobs/jobs/failed?kind=email.welcome&queue=email"),
        ("Deleted", "/jobs/jobs/deleted"),
        ("Awaiting", "/jobs/jobs/awaiting"),
        ("Retries", "/jobs/retries"),
        ("Recurring", "/jobs/recurring"),
        ("Servers", "/jobs/servers"),
        ("Job details (failed job)", $"/jobs/job/{failedId}"),
        ("Exception on expand", $"/jobs/job/{failedId}/exception"),
        ("Audit", "/jobs/audit"),
    ];

    Console.WriteLine();
    Console.WriteLine($"{"page", -36} {"median", 9} {"max", 9}  status");
    var worst = TimeSpan.Zero;
    foreach (var (name, path) in pages)
    {
        var status = (await http.GetAsync(path)).StatusCode; // warm-up (JIT, SQLite page cache)
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            _ = await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed);
            status = response.StatusCode;
        }

        times.Sort();
        worst = times[^1] > worst ? times[^1] : worst;
        Console.WriteLine(
            $"{name, -36} {times[times.Count / 2].TotalMilliseconds, 7:0.0} ms {times[^1].TotalMilliseconds, 6:0.0} ms  {(int)status}"
        );
    }

    Console.WriteLine();
    Console.WriteLine(
        $"slowest request: {worst.TotalMilliseconds:0.0} ms — target < 1,000 ms per page: {(worst < TimeSpan.FromSeconds(1) ? "met" : "NOT met")}"
    );
}
finally
{
    if (host is { HasExited: false })
    {
        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync();
    }

    SqliteConnection.ClearAllPools();
    Directory.Delete(directory, recursive: true);
}

void Seed(string path, int succeededCount, int failedCount)
{
    using var connection = new SqliteConnection($"Data Source={path}");
    connection.Open();
    Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");

    // Succeeded over the last 24 h, failed over the last 7 days; kinds and queues vary so filters have work to do.
    const string insertJobs = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
        INSERT INTO "Jobs" ("Id", "Kind", "Queue", "Priority", "State", "Payload", "MaxRetries", "OnAttemptsExceeded", "CreatedAt", "StateChangedAt",
            "RunAt", "EnqueuedAt", "StartedAt", "FinishedAt", "Attempt", "RetryCount", "AbandonCount", "StateReason", "LastExceptionType",
            "LastExceptionMessage", "LatencyMs", "DurationMs", "Version")
        SELECT printf('%s%015x', @prefix, i),
               CASE WHEN i % 1000 = 0 THEN 'bench.rare' WHEN i % 3 = 0 THEN 'email.welcome' ELSE 'bench.report' END,
               CASE i % 10 WHEN 0 THEN 'reports' WHEN 1 THEN 'email' WHEN 2 THEN 'email' ELSE 'default' END,
               0, @state, '{"userId":"' || printf('%08x', i) || '-0000-0000-0000-000000000000","password":"never-shown"}', 10, 0,
               t, t, t, t, t, t, 1, @retries, 0, @reason,
               CASE WHEN @state = 5 THEN (CASE i % 2 WHEN 0 THEN 'System.TimeoutException' ELSE 'System.InvalidOperationException' END) END,
               CASE WHEN @state = 5 THEN 'Failure number ' || i || ': the remote side did not answer' END,
               5 + i % 40, 20 + i % 900, 1
        FROM (SELECT i, strftime('%Y-%m-%d %H:%M:%f', 'now', printf('-%.3f seconds', i * @spread)) AS t FROM n);
        """;
    const string insertHistory = """
        INSERT INTO "JobHistory" ("JobId", "State", "Reason", "CreatedAt", "ServerId", "ExceptionType", "ExceptionMessage", "ExceptionDetails", "LatencyMs", "DurationMs")
        SELECT "Id", "State", "StateReason", "StateChangedAt", 'bench-server', "LastExceptionType", "LastExceptionMessage",
               CASE WHEN "LastExceptionType" IS NOT NULL THEN "LastExceptionType" || ': ' || "LastExceptionMessage" || char(10) || '   at CleanApp.Bench.Handler.Handle() in Handler.cs:line 42' END,
               "LatencyMs", "DurationMs"
        FROM "Jobs" WHERE "State" = @state;
        """;

    Insert(succeededCount, "1", 4, 0, "Succeeded", 86_400.0 / succeededCount);
    Insert(failedCount, "2", 5, 10, "Retry attempts exceeded", 7 * 86_400.0 / failedCount);
    foreach (var state in new[] { 4, 5 })
    {
        Execute(connection, insertHistory, ("@state", state));
    }

    // A few jobs in the other states, as a live system has.
    foreach (var (state, prefix, count) in new[] { (0, "3", 500), (1, "4", 200), (2, "5", 50), (3, "6", 20), (6, "7", 1000) })
    {
        Execute(
            connection,
            insertJobs,
            ("@count", count),
            ("@prefix", prefix.PadRight(17, '0')),
            ("@state", state),
            ("@retries", state == 1 ? 2 : 0),
            ("@reason", "seeded"),
            ("@spread", 3.0)
        );
    }

    var now = DateTime.UtcNow;
    var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
    using (var tx = connection.BeginTransaction())
    {
        for (var h = 0; h < 24; h++)
        {
            Statistic(connection, "succeeded", 0, hour.AddHours(-h), succeededCount / 24);
            Statistic(connection, "failed", 0, hour.AddHours(-h), failedCount / 168);
        }

        for (var d = 0; d < 7; d++)
        {
            Statistic(connection, "succeeded", 1, hour.Date.AddDays(-d), d == 0 ? succeededCount : 0);
            Statistic(connection, "failed", 1, hour.Date.AddDays(-d), failedCount / 7);
        }

        Statistic(connection, "succeeded", 2, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), succeededCount);
        Statistic(connection, "failed", 2, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), failedCount);
        for (var r = 0; r < 50; r++)
        {
            Execute(
                connection,
                """
                INSERT INTO "RecurringJobs" ("Id", "Kind", "Payload", "Cron", "TimeZoneId", "Queue", "Misfire", "NoOverlap", "IsPaused", "NextExecution", "CreatedAt", "UpdatedAt", "Version")
                VALUES (@id, 'bench.report', '{}', '*/5 * * * *', 'Europe/Berlin', 'reports', 0, 0, 0, @next, @now, @now, 1)
                """,
                ("@id", $"report-{r:00}"),
                ("@next", Text(now.AddMinutes(5))),
                ("@now", Text(now))
            );
        }

        for (var s = 0; s < 4; s++)
        {
            Execute(
                connection,
                """
                INSERT INTO "JobServers" ("Id", "HostName", "Workers", "Queues", "StartedAt", "HeartbeatAt") VALUES (@id, @host, 20, 'default,email,reports', @now, @now)
                """,
                ("@id", $"bench-{s}"),
                ("@host", $"web-{s}"),
                ("@now", Text(now))
            );
        }

        tx.Commit();
    }

    Execute(connection, "ANALYZE;");

    void Insert(int count, string prefix, int state, int retries, string reason, double spread)
    {
        using var tx = connection.BeginTransaction();
        Execute(
            connection,
            insertJobs,
            ("@count", count),
            ("@prefix", prefix.PadRight(17, '0')),
            ("@state", state),
            ("@retries", retries),
            ("@reason", reason),
            ("@spread", spread)
        );
        tx.Commit();
    }
}

static void Statistic(SqliteConnection connection, string key, int period, DateTime bucket, long value) =>
    Execute(
        connection,
        """INSERT INTO "JobStatistics" ("Key", "Period", "BucketStart", "Value") VALUES (@key, @period, @bucket, @value)""",
        ("@key", key),
        ("@period", period),
        ("@bucket", Text(bucket)),
        ("@value", value)
    );

static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

static void Execute(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 0;
    foreach (var (name, value) in parameters)
    {
        command.Parameters.AddWithValue(name, value);
    }

    command.ExecuteNonQuery();
}

ProcessStartInfo HostStart(string[] args)
{
    var start = new ProcessStartInfo("dotnet")
    {
        UseShellExecute = false,
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    start.ArgumentList.Add(webApi);
    foreach (var arg in args)
    {
        start.ArgumentList.Add(arg);
    }

    start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    start.Environment["Database__Provider"] = "Sqlite";
    start.Environment["Database__MigrateOnStartup"] = "false";
    start.Environment["ConnectionStrings__Default"] = $"Data Source={database}";
    start.Environment["Jobs__Enabled"] = "false";
    start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
    start.Environment["Serilog__WriteTo__1__Name"] = "Console"; // no log files from a benchmark
    start.Environment.Remove("CLEANAPP_OPS_PASSWORD");
    return start;
}

Process Start(string[] args)
{
    var process = Process.Start(HostStart(args))!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) =>
    {
        if (e.Data is not null)
        {
            Console.Error.WriteLine($"  host: {e.Data}");
        }
    };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

async Task RunToEndAsync(string[] args, string stdin = "")
{
    using var process = Process.Start(HostStart(args))!;
    await process.StandardInput.WriteAsync(stdin);
    process.StandardInput.Close();
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"`{string.Join(' ', args)}` exited with {process.ExitCode}: {await output}{await error}");
    }
}

static async Task WaitUntilUpAsync(HttpClient http)
{
    for (var i = 0; i < 300; i++)
    {
        try
        {
            if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) { }

        await Task.Delay(100);
    }

    throw new TimeoutException("The WebApi host did not start.");
}

static async Task SignInAsync(HttpClient http, string email, string password)
{
    var login = await http.GetStringAsync("/jobs/login");
    var token = WebUtility.HtmlDecode(Regex.Match(login, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
    var response = await http.PostAsync(
        "/jobs/login",
        new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["email"] = email,
                ["password"] = password,
            }
        )
    );
    if (response.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value)
        ? value
        : fallback;
}
