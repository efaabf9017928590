using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Data.Sqlite;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>
/// The embedded default (application and Hangfire on SQLite files) killed with SIGKILL at arbitrary moments and
/// started again on the same files: nothing committed is lost, nothing is sent for what was not committed, and the
/// files stay consistent (ADR 0020, ADR 0021).
/// </summary>
[NonParallelizable]
public sealed class CrashTests
{
    private string _folder = null!;

    [SetUp]
    public void NewFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"crash-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Test]
    public async Task A_job_committed_but_not_yet_relayed_when_the_process_is_killed_runs_after_the_restart()
    {
        string email;
        using (var server = await ChildServer.StartAsync(_folder, ("Jobs:OutboxRelayDelay", "01:00:00")))
        {
            using var client = new HttpClient { BaseAddress = server.Address };
            email = (await client.RegisterAsync("outbox")).Email;
            Assert.That(await ChildServer.QueryAsync(_folder, "SELECT Kind FROM JobOutbox"), Is.EqualTo(new[] { "email.welcome" }));
            server.Kill();
        }

        Assert.That(ChildServer.WelcomeRecipients(_folder), Is.Empty, "killed before the relay: nothing was sent");

        using (await ChildServer.StartAsync(_folder))
        {
            await WaitUntilAsync(() => ChildServer.WelcomeRecipients(_folder).Count == 1, TimeSpan.FromSeconds(60), "the welcome email");
        }

        Assert.That(ChildServer.WelcomeRecipients(_folder), Is.EqualTo(new[] { email }));
        Assert.That(await ChildServer.QueryAsync(_folder, "SELECT COUNT(*) FROM JobOutbox"), Is.EqualTo(new[] { "0" }));
    }

    [Test]
    public async Task A_server_killed_repeatedly_while_registering_users_sends_every_account_its_welcome_email()
    {
        const int Rounds = 4;
        const int Clients = 4;
        var created = new ConcurrentBag<string>();
        var attempted = new ConcurrentBag<string>();
        for (var round = 1; round <= Rounds; round++)
        {
            using var server = await ChildServer.StartAsync(_folder);
            using var stop = new CancellationTokenSource();
            var target = created.Count + 10 + (round * 5);
            var loops = Enumerable
                .Range(0, Clients)
                .Select(c =>
                    Task.Run(async () =>
                    {
                        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(10) };
                        for (var n = 0; !stop.IsCancellationRequested; n++)
                        {
                            var name = $"r{round}c{c}n{n}";
                            attempted.Add(name);
                            try
                            {
                                var response = await client.PostAsJsonAsync(
                                    "/api/users",
                                    new
                                    {
                                        user = new
                                        {
                                            username = name,
                                            email = $"{name}@example.com",
                                            password = "password-123",
                                        },
                                    }
                                );
                                if (response.StatusCode == HttpStatusCode.Created)
                                {
                                    created.Add($"{name}@example.com");
                                }
                            }
                            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                            {
                                return; // the server was killed under this request
                            }
                        }
                    })
                )
                .ToList();

            // Kill while registrations (and their welcome jobs) are in flight, once this round has made some progress.
            await WaitUntilAsync(() => created.Count >= target, TimeSpan.FromSeconds(60), $"{target} registrations");
            server.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(loops);
        }

        List<string> accounts;
        using (await ChildServer.StartAsync(_folder))
        {
            accounts = await ChildServer.QueryAsync(_folder, "SELECT Email FROM AspNetUsers");
            await WaitUntilAsync(
                () => accounts.All(ChildServer.WelcomeRecipients(_folder).Contains),
                TimeSpan.FromSeconds(120),
                "a welcome email for every account"
            );
        }

        var recipients = ChildServer.WelcomeRecipients(_folder);
        var duplicates = recipients.GroupBy(r => r, StringComparer.Ordinal).Sum(g => g.Count() - 1);
        TestContext.Out.WriteLine(
            $"{Rounds} kills; {attempted.Count} registrations attempted, {created.Count} answered 201, {accounts.Count} accounts exist, {recipients.Count} welcome emails, {duplicates} duplicates"
        );

        Assert.Multiple(async () =>
        {
            Assert.That(accounts, Is.SupersetOf(created), "every 201 is a committed account");
            Assert.That(accounts, Is.SubsetOf(recipients), "every account got its welcome email");
            Assert.That(recipients.Distinct(), Is.SubsetOf(accounts), "no email for an account that does not exist");
            Assert.That(await ChildServer.IntegrityCheckAsync(ChildServer.DatabasePath(_folder)), Is.EqualTo("ok"));
            Assert.That(await ChildServer.IntegrityCheckAsync(ChildServer.JobStorePath(_folder)), Is.EqualTo("ok"));
        });
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(50);
        }
    }
}
