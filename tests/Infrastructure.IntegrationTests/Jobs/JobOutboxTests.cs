using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs;
using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>
/// Transactional enqueue through the outbox: a job exists in Hangfire if and only if the command's save committed, and
/// one outbox row becomes one Hangfire job whoever relays it. (The SIGKILL case is OutboxCrashTests in the web tests.)
/// </summary>
public sealed class JobOutboxTests
{
    private readonly string _run = Guid.NewGuid().ToString("N");

    [Test]
    public async Task A_rolled_back_command_enqueues_nothing()
    {
        using var host = await StartAsync(("Jobs:Enabled", "false"));
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(new RecordCommand(_run, 1));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        using (var scope = host.Services.CreateScope())
        {
            // Staged but never saved: the unit of work is simply dropped.
            scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(new RecordCommand(_run, 2));
        }

        var relayed = await host.Services.GetRequiredService<JobOutboxRelay>().RelayPendingAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(relayed, Is.Zero);
            Assert.That(OutboxCount(host), Is.Zero);
            Assert.That(host.Count(s => s.Enqueued), Is.Zero);
        });
    }

    [Test]
    public async Task A_committed_command_reaches_hangfire_right_after_the_commit()
    {
        // The sweep runs once at start and then only every hour: only the commit's wake-up can relay within the test.
        using var host = await StartAsync(("Jobs:Enabled", "false"), ("Jobs:OutboxSweepInterval", "01:00:00"));
        await Task.Delay(200); // let the start-up sweep finish, so it cannot be what relays the job

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(new RecordCommand(_run, 1));
            await db.SaveChangesAsync();
            Assert.That(host.Count(s => s.Enqueued), Is.Zero, "nothing reaches Hangfire before the commit");
            await transaction.CommitAsync();
        }

        await JobTestHost.WaitUntilAsync(() => host.Count(s => s.Enqueued) == 1, TimeSpan.FromSeconds(5), "the job is in Hangfire");
        Assert.That(OutboxCount(host), Is.Zero);
    }

    [Test]
    public async Task Relays_racing_over_the_same_rows_make_exactly_one_job_per_row()
    {
        const int Rows = 300;
        using var host = await StartAsync(("Jobs:Enabled", "false"), ("Jobs:OutboxSweepInterval", "01:00:00"));
        await Task.Delay(200);
        await StageAsync(host, Rows, wake: false);

        // The host's relay (as after a commit) and two more relayers (as sweeps of other instances), all at once.
        var relays = new[]
        {
            host.Services.GetRequiredService<JobOutboxRelay>(),
            ActivatorUtilities.CreateInstance<JobOutboxRelay>(host.Services),
            ActivatorUtilities.CreateInstance<JobOutboxRelay>(host.Services),
        };
        var relayed = await Task.WhenAll(relays.Select(r => Task.Run(() => r.RelayPendingAsync(CancellationToken.None))));

        await JobTestHost.WaitUntilAsync(() => OutboxCount(host) == 0, TimeSpan.FromSeconds(30), "the outbox is empty");
        TestContext.Out.WriteLine($"rows relayed per relayer: {string.Join(", ", relayed)}");
        Assert.That(host.Count(s => s.Enqueued), Is.EqualTo(Rows), "one Hangfire job per outbox row");
    }

    [Test]
    public async Task A_row_whose_relayer_died_after_creating_its_job_is_not_relayed_twice()
    {
        const int Rows = 50;
        using var host = await StartAsync(
            ("Jobs:Enabled", "false"),
            ("Jobs:OutboxSweepInterval", "01:00:00"),
            ("Jobs:OutboxClaimLease", "00:00:00.300")
        );
        await Task.Delay(200);
        await StageAsync(host, Rows, wake: false);

        // This relayer "dies" after each job is created and before its row is deleted: the rows stay, claimed.
        var dying = ActivatorUtilities.CreateInstance<JobOutboxRelay>(host.Services);
        dying.AfterCreate = _ => throw new IOException("killed between create and delete");
        await dying.RelayPendingAsync(CancellationToken.None);
        Assert.That(OutboxCount(host), Is.EqualTo(Rows));
        Assert.That(host.Count(s => s.Enqueued), Is.EqualTo(Rows));

        // Once the claims expire, the sweep finds each row's marker and deletes the row without a second job.
        await Task.Delay(400);
        await host.Services.GetRequiredService<JobOutboxRelay>().RelayPendingAsync(CancellationToken.None);

        Assert.That(OutboxCount(host), Is.Zero);
        Assert.That(host.Count(s => s.Enqueued), Is.EqualTo(Rows), "still one job per row");
    }

    private static async Task<JobTestHost> StartAsync(params (string Key, string? Value)[] settings)
    {
        var host = new JobTestHost([("Jobs:Storage", "InMemory"), .. settings]);
        await host.Host.MigrateAsync();
        await host.Host.StartAsync();
        return host;
    }

    private async Task StageAsync(JobTestHost host, int rows, bool wake = true)
    {
        using var scope = host.Services.CreateScope();
        var jobs = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
        for (var i = 0; i < rows; i++)
        {
            jobs.Enqueue(new RecordCommand(_run, i));
        }

        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        if (wake)
        {
            await db.SaveChangesAsync();
        }
        else
        {
            // Written behind the relay's back (no interceptor wake-up), as a crashed process would have left them.
            var rowsToWrite = db.ChangeTracker.Entries<JobOutboxEntry>().Select(e => e.Entity).ToList();
            db.ChangeTracker.Clear();
            await using var other = scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var plain = new DbContextOptionsBuilder<SqliteApplicationDbContext>().UseSqlite(db.Database.GetConnectionString()).Options;
            await using var raw = new SqliteApplicationDbContext(plain);
            raw.JobOutbox.AddRange(rowsToWrite);
            await raw.SaveChangesAsync();
        }
    }

    private static int OutboxCount(JobTestHost host)
    {
        using var scope = host.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().JobOutbox.Count();
    }
}
