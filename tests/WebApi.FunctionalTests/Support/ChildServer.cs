using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>
/// The real WebApi in a child process on Kestrel, with the embedded defaults (app and Hangfire SQLite files in
/// one folder), so a test can kill it with SIGKILL (<see cref="Kill"/>) and start it again on the same files.
/// Its settings go to the child's own environment, never the test process's.
/// </summary>
public sealed class ChildServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string DatabasePath(string folder) => Path.Combine(folder, "cleanapp.db");

    public static string JobStorePath(string folder) => Path.Combine(folder, "cleanapp.hangfire.db");

    public static string MailFolder(string folder) => Path.Combine(folder, "mail");

    public static async Task<ChildServer> StartAsync(string folder, params (string Key, string Value)[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CleanApp.WebApi.dll"));
        // No appsettings.{Environment}.json: the embedded defaults (SQLite, Hangfire on its own SQLite file).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "ChildProcess";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={DatabasePath(folder)}";
        start.Environment["Email__PickupDirectory"] = MailFolder(folder);
        start.Environment["Digest__Enabled"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Jobs__Sqlite__QueuePollInterval"] = "00:00:00.100";
        start.Environment["Jobs__OutboxClaimLease"] = "00:00:02";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        var server = new ChildServer(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The child server exited with {process.ExitCode}:\n{server.Output}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(90))
            {
                server.Kill();
                Assert.Fail($"The child server did not become ready:\n{server.Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>Reads the application database while (or after) the child uses it; WAL lets readers in.</summary>
    public static async Task<List<string>> QueryAsync(string folder, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath(folder)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }

    public static async Task<string> IntegrityCheckAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    /// <summary>Recipient of each welcome email in the pickup folder.</summary>
    public static List<string> WelcomeRecipients(string folder) =>
        Directory.Exists(MailFolder(folder))
            ? Directory
                .GetFiles(MailFolder(folder), "*.eml")
                .Select(File.ReadAllLines)
                .Where(lines => lines.Contains("Subject: Welcome to CleanApp"))
                .Select(lines => lines.First(l => l.StartsWith("To: ", StringComparison.Ordinal))[4..].Trim())
                .ToList()
            : [];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
