using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>JOBS.md test 6: recurring jobs with two servers, misfire modes, DST gap and overlap, plus errors and trigger-now.</summary>
[TestFixture]
public sealed class RecurringJobTests
{
    private const string Berlin = "Europe/Berlin";

    [Test]
    public async Task Two_servers_enqueue_exactly_one_job_per_occurrence()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        await using var env = new JobTestEnvironment(clock);
        // Leases far longer than the fake clock's one-minute jumps: this test is about occurrences, not lease expiry.
        static void LongLease(Dictionary<string, string?> s) => s["Jobs:LeaseDuration"] = "01:00:00";
        var first = await env.StartNodeAsync(LongLease);
        await env.StartNodeAsync(LongLease);
        await first.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IRecurringJobManager>().AddOrUpdateAsync("every-minute", new RecordJob("rec"), "* * * * *");
            return true;
        });

        for (var minute = 1; minute <= 5; minute++)
        {
            clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 10, minute, 0, 500, TimeSpan.Zero));
            var expected = minute;
            await JobTestEnvironment.WaitUntilAsync(
                async () =>
                    env.Probe.CountFor("rec") >= expected
                    && await env.QueryAsync(db => db.Jobs.CountAsync(j => j.State == JobState.Succeeded)) >= expected,
                what: () => $"occurrence {expected}"
            );
            // Give both schedulers several more passes at the same instant.
            var next = await env.QueryAsync(db => db.RecurringJobs.Select(r => r.NextExecution).SingleAsync());
            var seen = await env.QueryAsync(db =>
                db.Jobs.Select(j => j.Id + " " + j.OccurrenceKey + " " + j.State + " " + j.Attempt).ToListAsync()
            );
            Assert.That(
                next,
                Is.EqualTo(new DateTime(2026, 6, 1, 10, minute + 1, 0, DateTimeKind.Utc)),
                string.Join("; ", seen)
                    + " | "
                    + string.Join("; ", env.Probe.Executions)
                    + " | "
                    + string.Join("\n", env.Logs.Messages.Where(m => !m.StartsWith("Information", StringComparison.Ordinal)))
            );
        }

        await Task.Delay(300);
        var keys = await env.QueryAsync(db =>
            db.Jobs.Where(j => j.RecurringJobId == "every-minute").Select(j => j.OccurrenceKey).ToListAsync()
        );
        Assert.That(keys, Has.Count.EqualTo(5));
        Assert.That(keys, Is.Unique);
        Assert.That(env.Probe.CountFor("rec"), Is.EqualTo(5));
    }

    [TestCase(MisfireHandling.FireOnce, 1)]
    [TestCase(MisfireHandling.FireAll, 10)]
    [TestCase(MisfireHandling.Skip, 0)]
    public async Task After_downtime_the_misfire_mode_decides_how_many_occurrences_fire(MisfireHandling misfire, int expectedJobs)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        await using var env = new JobTestEnvironment(clock);
        var web = await env.StartNodeAsync(serverEnabled: false);
        await web.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdateAsync("m", new RecordJob("m"), "* * * * *", new RecurringJobOptions { Misfire = misfire });
            return true;
        });

        // No server ran from 10:00 to 10:10:30: occurrences 10:01 … 10:10 were missed (10:10 is 30 s late, beyond the 5 s threshold).
        clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 10, 10, 30, TimeSpan.Zero));
        await web.Services.GetRequiredService<RecurringJobScheduler>().RunDueAsync(CancellationToken.None);

        var jobs = await env.QueryAsync(db => db.Jobs.Where(j => j.RecurringJobId == "m").Select(j => j.OccurrenceKey).ToListAsync());
        var record = await env.QueryAsync(db => db.RecurringJobs.SingleAsync());
        Assert.That(jobs, Has.Count.EqualTo(expectedJobs));
        Assert.That(record.NextExecution, Is.EqualTo(new DateTime(2026, 6, 1, 10, 11, 0, DateTimeKind.Utc)));
        if (misfire == MisfireHandling.FireOnce)
        {
            Assert.That(jobs.Single(), Is.EqualTo("m@2026-06-01T10:10:00Z"));
        }
    }

    [Test]
    public async Task A_time_in_the_spring_forward_gap_fires_at_the_first_valid_instant_after_it()
    {
        // Europe/Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        await using var env = new JobTestEnvironment(clock);
        var web = await env.StartNodeAsync(serverEnabled: false);
        await web.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdateAsync("gap", new RecordJob("gap"), "30 2 * * *", new RecurringJobOptions { TimeZoneId = Berlin });
            return true;
        });

        var record = await env.QueryAsync(db => db.RecurringJobs.SingleAsync());
        Assert.That(
            record.NextExecution,
            Is.EqualTo(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc)),
            "03:00 CEST, the end of the gap"
        );

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 1, 0, 1, TimeSpan.Zero));
        await web.Services.GetRequiredService<RecurringJobScheduler>().RunDueAsync(CancellationToken.None);
        record = await env.QueryAsync(db => db.RecurringJobs.SingleAsync());
        var count = await env.QueryAsync(db => db.Jobs.CountAsync());
        Assert.That(count, Is.EqualTo(1));
        Assert.That(
            record.NextExecution,
            Is.EqualTo(new DateTime(2026, 3, 30, 0, 30, 0, DateTimeKind.Utc)),
            "back to 02:30 CEST the next day"
        );
    }

    [Test]
    public async Task An_ambiguous_fall_back_time_fires_once()
    {
        // Europe/Berlin, 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero));
        await using var env = new JobTestEnvironment(clock);
        var web = await env.StartNodeAsync(serverEnabled: false);
        await web.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdateAsync("overlap", new RecordJob("overlap"), "30 2 * * *", new RecurringJobOptions { TimeZoneId = Berlin });
            return true;
        });
        var scheduler = web.Services.GetRequiredService<RecurringJobScheduler>();

        var record = await env.QueryAsync(db => db.RecurringJobs.SingleAsync());
        Assert.That(record.NextExecution, Is.EqualTo(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc)), "the first 02:30 (CEST)");

        clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 0, 30, 1, TimeSpan.Zero));
        await scheduler.RunDueAsync(CancellationToken.None);
        // The second 02:30 (CET, 01:30 UTC) must not fire again.
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 1, 30, 1, TimeSpan.Zero));
        await scheduler.RunDueAsync(CancellationToken.None);

        record = await env.QueryAsync(db => db.RecurringJobs.SingleAsync());
        var count = await env.QueryAsync(db => db.Jobs.CountAsync());
        Assert.That(count, Is.EqualTo(1));
        Assert.That(record.NextExecution, Is.EqualTo(new DateTime(2026, 10, 26, 1, 30, 0, DateTimeKind.Utc)), "02:30 CET the next day");
    }

    [Test]
    public void Cron_schedule_handles_six_fields_and_collapses_gap_occurrences()
    {
        Assert.That(CronSchedule.TryParse("*/15 * * * *", Berlin, out var quarter, out _), Is.True);
        // 01:45 CET, then the gap swallows 02:00–02:45: one occurrence at 03:00 CEST, then 03:15.
        var occurrences = quarter!.Between(
            new DateTime(2026, 3, 29, 0, 40, 0, DateTimeKind.Utc),
            new DateTime(2026, 3, 29, 1, 20, 0, DateTimeKind.Utc),
            100
        );
        Assert.That(
            occurrences,
            Is.EqualTo(
                new[]
                {
                    new DateTime(2026, 3, 29, 0, 45, 0, DateTimeKind.Utc),
                    new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc),
                    new DateTime(2026, 3, 29, 1, 15, 0, DateTimeKind.Utc),
                }
            )
        );

        Assert.That(CronSchedule.TryParse("*/20 * * * * *", "UTC", out var seconds, out _), Is.True);
        Assert.That(
            seconds!.NextAfter(new DateTime(2026, 1, 1, 0, 0, 5, DateTimeKind.Utc)),
            Is.EqualTo(new DateTime(2026, 1, 1, 0, 0, 20, DateTimeKind.Utc))
        );
        Assert.That(CronSchedule.TryParse("* * *", "UTC", out _, out var error), Is.False);
        Assert.That(error, Does.Contain("5 or 6 fields"));
        Assert.That(CronSchedule.TryParse("* * * * *", "Mars/Olympus", out _, out error), Is.False);
        Assert.That(error, Does.Contain("Mars/Olympus"));
    }

    [Test]
    public async Task Invalid_cron_or_zone_disables_that_recurring_job_only()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        await using var env = new JobTestEnvironment(clock);
        var web = await env.StartNodeAsync(serverEnabled: false);
        await web.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IRecurringJobManager>();
            await manager.AddOrUpdateAsync("bad-cron", new RecordJob("bad"), "61 * * * *");
            await manager.AddOrUpdateAsync(
                "bad-zone",
                new RecordJob("bad"),
                "* * * * *",
                new RecurringJobOptions { TimeZoneId = "Nowhere/Town" }
            );
            await manager.AddOrUpdateAsync("good", new RecordJob("good"), "* * * * *");
            return true;
        });

        clock.Advance(TimeSpan.FromMinutes(1));
        await web.Services.GetRequiredService<RecurringJobScheduler>().RunDueAsync(CancellationToken.None);

        var records = await env.QueryAsync(db => db.RecurringJobs.ToDictionaryAsync(r => r.Id));
        var jobs = await env.QueryAsync(db => db.Jobs.Select(j => j.RecurringJobId).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(records["bad-cron"].Error, Does.Contain("61 * * * *"));
            Assert.That(records["bad-cron"].NextExecution, Is.Null);
            Assert.That(records["bad-zone"].Error, Does.Contain("Nowhere/Town"));
            Assert.That(records["good"].Error, Is.Null);
            Assert.That(jobs, Is.EqualTo(new[] { "good" }));
        });
    }

    [Test]
    public async Task Trigger_now_enqueues_a_run_without_moving_the_next_execution()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        await using var env = new JobTestEnvironment(clock);
        var node = await env.StartNodeAsync();
        string? jobId = null;
        await node.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IRecurringJobManager>();
            await manager.AddOrUpdateAsync("daily", new RecordJob("daily"), "0 3 * * *");
            jobId = await manager.TriggerAsync("daily");
            Assert.That(await manager.TriggerAsync("unknown"), Is.Null);
            return true;
        });

        await env.WaitForStateAsync(jobId!, JobState.Succeeded);
        var record = await env.QueryAsync(db => db.RecurringJobs.SingleAsync());
        Assert.That(record.NextExecution, Is.EqualTo(new DateTime(2026, 6, 2, 3, 0, 0, DateTimeKind.Utc)));
        Assert.That(record.LastJobId, Is.EqualTo(jobId));
    }

    [Test]
    public async Task No_overlap_skips_an_occurrence_while_the_previous_run_is_still_going()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        await using var env = new JobTestEnvironment(clock);
        var node = await env.StartNodeAsync();
        await node.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IRecurringJobManager>()
                .AddOrUpdateAsync("slow", new BlockingJob("slow"), "* * * * *", new RecurringJobOptions { NoOverlap = true });
            return true;
        });

        clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 10, 1, 0, 100, TimeSpan.Zero));
        await env.Probe.StartedSignal("slow").Task.WaitAsync(TimeSpan.FromSeconds(10));
        clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 10, 2, 0, 100, TimeSpan.Zero));
        await JobTestEnvironment.WaitUntilAsync(
            () =>
                env.QueryAsync(async db =>
                    (await db.RecurringJobs.SingleAsync()).NextExecution == new DateTime(2026, 6, 1, 10, 3, 0, DateTimeKind.Utc)
                ),
            what: () => "the 10:02 occurrence to be handled"
        );

        var count = await env.QueryAsync(db => db.Jobs.CountAsync(j => j.RecurringJobId == "slow"));
        Assert.That(count, Is.EqualTo(1), "10:02 skipped: 10:01 still running");
        env.Probe.Gate("slow").TrySetResult();
    }

    [Test]
    public async Task Removing_a_recurring_job_stops_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero));
        await using var env = new JobTestEnvironment(clock);
        var web = await env.StartNodeAsync(serverEnabled: false);
        var removed = await web.WithScopeAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IRecurringJobManager>();
            await manager.AddOrUpdateAsync("gone", new RecordJob("gone"), "* * * * *");
            return await manager.RemoveIfExistsAsync("gone") && !await manager.RemoveIfExistsAsync("gone");
        });
        Assert.That(removed, Is.True);
    }
}
