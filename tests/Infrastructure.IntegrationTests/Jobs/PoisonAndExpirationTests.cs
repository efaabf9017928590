using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>JOBS.md tests 9 and 10: poison payloads and unknown kinds fail at once; expiration; counters.</summary>
[TestFixture]
public sealed class PoisonAndExpirationTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [TestCase("test.record", "{not json", "PoisonPayload")]
    [TestCase("test.record", "null", "PoisonPayload")]
    [TestCase("test.gone-kind", "{}", "UnknownJobKind")]
    public async Task Poison_payload_or_unknown_kind_fails_at_once_without_retrying(string kind, string payload, string exceptionType)
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync();
        var id = JobIds.New(TimeProvider.System);
        await env.QueryAsync(async db =>
        {
            db.Jobs.Add(
                new JobRecord
                {
                    Id = id,
                    Kind = kind,
                    Payload = payload,
                    Queue = JobOptions.DefaultQueue,
                    State = JobState.Enqueued,
                    MaxRetries = 10,
                    CreatedAt = DateTime.UtcNow,
                    StateChangedAt = DateTime.UtcNow,
                    RunAt = DateTime.UtcNow,
                }
            );
            return await db.SaveChangesAsync();
        });

        var job = await env.WaitForStateAsync(id, JobState.Failed);
        await node.Server!.ScheduleNowAsync();
        job = await env.JobAsync(id);
        var history = await env.HistoryAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(JobState.Failed));
            Assert.That(job.LastExceptionType, Is.EqualTo(exceptionType));
            Assert.That(job.RetryCount, Is.Zero);
            Assert.That(job.Attempt, Is.EqualTo(1));
            Assert.That(history.Select(h => h.State), Is.EqualTo(new[] { JobState.Processing, JobState.Failed }), "no Scheduled retry");
            Assert.That(env.Probe.Executions, Is.Empty);
        });
    }

    [Test]
    public async Task Succeeded_and_deleted_jobs_expire_with_their_history_after_a_day_and_failed_jobs_are_kept()
    {
        var clock = new FakeTimeProvider(Start);
        await using var env = new JobTestEnvironment(clock);
        var node = await env.StartNodeAsync();

        var succeeded = await node.EnqueueAsync(new RecordJob("ok"));
        var failed = await node.EnqueueAsync(new FailingJob("bad", FailTimes: -1), new JobOptions { Attempts = 0 });
        var deleted = await node.WithClientAsync(c => c.Schedule(new RecordJob("later"), TimeSpan.FromDays(7)));
        await env.WaitForStateAsync(succeeded, JobState.Succeeded);
        await env.WaitForStateAsync(failed, JobState.Failed);
        await node.WithScopeAsync(sp => sp.GetRequiredService<IBackgroundJobClient>().DeleteAsync(deleted));

        var maintenance = node.Services.GetRequiredService<JobMaintenance>();
        clock.Advance(TimeSpan.FromHours(23));
        Assert.That(await maintenance.ExpireAsync(CancellationToken.None), Is.Zero, "not yet a day old");

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        Assert.That(await maintenance.ExpireAsync(CancellationToken.None), Is.EqualTo(2));

        var remaining = await env.QueryAsync(db => db.Jobs.Select(j => j.Id).ToListAsync());
        var historyOwners = await env.QueryAsync(db => db.JobHistory.Select(h => h.JobId).Distinct().ToListAsync());
        Assert.That(remaining, Is.EqualTo(new[] { failed }));
        Assert.That(historyOwners, Is.EqualTo(new[] { failed }), "history expired with its jobs");
    }

    [Test]
    public async Task Expiration_works_in_batches()
    {
        var clock = new FakeTimeProvider(Start);
        await using var env = new JobTestEnvironment(clock);
        var node = await env.StartNodeAsync(s => s["Jobs:ExpirationBatchSize"] = "7", serverEnabled: false);
        await node.WithScopeAsync(async sp =>
        {
            var client = sp.GetRequiredService<IBackgroundJobClient>();
            var ids = Enumerable.Range(0, 30).Select(i => client.Schedule(new RecordJob($"b{i}"), TimeSpan.FromDays(1))).ToList();
            await sp.GetRequiredService<CleanApp.Infrastructure.Persistence.ApplicationDbContext>().SaveChangesAsync();
            foreach (var id in ids)
            {
                await client.DeleteAsync(id);
            }

            return true;
        });

        clock.Advance(TimeSpan.FromDays(2));
        var removed = await node.Services.GetRequiredService<JobMaintenance>().ExpireAsync(CancellationToken.None);
        Assert.That(removed, Is.EqualTo(30));
        Assert.That(await env.QueryAsync(db => db.JobHistory.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Counters_are_appended_and_aggregated_per_hour_day_and_total()
    {
        var clock = new FakeTimeProvider(Start);
        await using var env = new JobTestEnvironment(clock);
        var node = await env.StartNodeAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await node.EnqueueAsync(new RecordJob($"c{i}")));
        }

        ids.Add(await node.EnqueueAsync(new FailingJob("cf", FailTimes: -1), new JobOptions { Attempts = 0 }));
        foreach (var id in ids.Take(3))
        {
            await env.WaitForStateAsync(id, JobState.Succeeded);
        }

        await env.WaitForStateAsync(ids[3], JobState.Failed);
        Assert.That(
            await env.QueryAsync(db => db.JobCounters.SumAsync(c => c.Value)),
            Is.EqualTo(4),
            "append-only rows (one per key per stored batch)"
        );

        await node.Services.GetRequiredService<JobMaintenance>().AggregateCountersAsync(CancellationToken.None);

        var stats = await env.QueryAsync(db => db.JobStatistics.AsNoTracking().ToListAsync());
        Assert.That(await env.QueryAsync(db => db.JobCounters.CountAsync()), Is.Zero, "raw rows folded");
        Assert.Multiple(() =>
        {
            Assert.That(stats.Single(s => s.Key == JobCounterKeys.Succeeded && s.Period == JobStatisticPeriod.Total).Value, Is.EqualTo(3));
            Assert.That(
                stats.Single(s => s.Key == JobCounterKeys.Succeeded && s.Period == JobStatisticPeriod.Hour).BucketStart,
                Is.EqualTo(Start.UtcDateTime)
            );
            Assert.That(stats.Single(s => s.Key == JobCounterKeys.Succeeded && s.Period == JobStatisticPeriod.Day).Value, Is.EqualTo(3));
            Assert.That(stats.Single(s => s.Key == JobCounterKeys.Failed && s.Period == JobStatisticPeriod.Total).Value, Is.EqualTo(1));
        });
    }
}
