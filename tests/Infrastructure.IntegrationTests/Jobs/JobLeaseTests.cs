using CleanApp.Application.Common.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>JOBS.md tests 2–5: claim race, killed workers, stale completions, graceful shutdown.</summary>
[TestFixture]
public sealed class JobLeaseTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Three_servers_on_one_database_run_every_job_exactly_once()
    {
        await using var env = new JobTestEnvironment();
        var producer = await env.StartNodeAsync(serverEnabled: false);
        var ids = new List<string>();
        await producer.WithScopeAsync(async sp =>
        {
            var client = sp.GetRequiredService<IBackgroundJobClient>();
            for (var i = 0; i < 300; i++)
            {
                ids.Add(client.Enqueue(new RecordJob($"race-{i}")));
            }

            await sp.GetRequiredService<CleanApp.Infrastructure.Persistence.ApplicationDbContext>().SaveChangesAsync();
            return true;
        });

        var servers = new List<JobNode>();
        for (var i = 0; i < 3; i++)
        {
            servers.Add(await env.StartNodeAsync(s => s["Jobs:Workers"] = "5"));
        }

        await JobTestEnvironment.WaitUntilAsync(
            () => env.QueryAsync(db => db.Jobs.AllAsync(j => j.State == JobState.Succeeded)),
            TimeSpan.FromSeconds(60),
            () => "all 300 jobs to succeed"
        );

        var perTag = env.Probe.Executions.GroupBy(e => e.Tag).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(perTag, Has.Count.EqualTo(300));
        Assert.That(perTag.Values, Is.All.EqualTo(1), "each job ran exactly once");
        var owners = await env.QueryAsync(db =>
            db.JobHistory.Where(h => h.State == JobState.Succeeded).Select(h => h.ServerId).Distinct().CountAsync()
        );
        Assert.That(owners, Is.GreaterThan(1), "the work was shared between servers");
        var claims = await env.QueryAsync(db => db.JobHistory.CountAsync(h => h.State == JobState.Processing));
        Assert.That(claims, Is.EqualTo(300), "no job was claimed twice");
    }

    [Test]
    public async Task A_killed_worker_leaves_an_expired_lease_the_job_reruns_and_three_abandonments_fail_it()
    {
        await using var env = new JobTestEnvironment(new FakeTimeProvider(Start));
        var producer = await env.StartNodeAsync(serverEnabled: false);
        var id = await producer.EnqueueAsync(new BlockingJob("kill"), new JobOptions { RetryDelays = [TimeSpan.Zero] });

        for (var round = 1; round <= 3; round++)
        {
            var server = await env.StartNodeAsync(s => s["Jobs:LeaseDuration"] = "00:01:00");
            await JobTestEnvironment.WaitUntilAsync(() => env.Probe.CountFor("kill") == round, what: () => $"execution {round}");
            await server.CrashAsync();

            env.Clock!.Advance(TimeSpan.FromMinutes(2));
            // Another server, listening to no queue of this job, only reaps.
            var reaper = await env.StartNodeAsync(s => s["Jobs:Queues:0"] = "nothing-here");
            var expected = round;
            CleanApp.Infrastructure.Jobs.Storage.JobRecord? seen = null;
            await JobTestEnvironment.WaitUntilAsync(
                async () => (seen = await env.JobAsync(id)).AbandonCount == expected,
                what: () =>
                    $"abandonment {expected}: job {seen?.State} abandoned {seen?.AbandonCount} lease {seen?.LeaseExpiresAt:O} owner {seen?.LeaseOwner}, now {env.Clock.GetUtcNow():O}; {string.Join(" | ", env.Logs.Messages.Where(m => !m.StartsWith("Information", StringComparison.Ordinal)))}"
            );
            await reaper.StopAsync();

            var job = await env.JobAsync(id);
            if (round < 3)
            {
                Assert.That(
                    job.State,
                    Is.AnyOf(JobState.Scheduled, JobState.Enqueued),
                    "back through the retry policy (zero delay: promoted at once)"
                );
            }
            else
            {
                Assert.That(job.State, Is.EqualTo(JobState.Failed), "3 abandonments → Failed");
                Assert.That(job.StateReason, Does.StartWith("Abandoned 3 times"));
            }
        }

        Assert.That(env.Probe.CountFor("kill"), Is.EqualTo(3), "re-ran after each of the first two abandonments");
    }

    [Test]
    public async Task A_stale_worker_finishing_after_its_lease_was_taken_over_is_rejected()
    {
        await using var env = new JobTestEnvironment(new FakeTimeProvider(Start));
        // Server A never renews its lease (heartbeat every hour) and has one worker, busy with the job: the slow, "lost" worker.
        var a = await env.StartNodeAsync(s =>
        {
            s["Jobs:HeartbeatInterval"] = "01:00:00";
            s["Jobs:Workers"] = "1";
        });
        var id = await a.EnqueueAsync(
            new BlockingJob("stale", HonourCancellation: false, BlockOnlyAttempts: 1),
            new JobOptions { RetryDelays = [TimeSpan.Zero] }
        );
        await env.Probe.StartedSignal("stale").Task.WaitAsync(TimeSpan.FromSeconds(10));

        env.Clock!.Advance(TimeSpan.FromMinutes(2));
        var b = await env.StartNodeAsync();
        await env.WaitForStateAsync(id, JobState.Succeeded);
        var takenOver = await env.JobAsync(id);

        env.Probe.Gate("stale").TrySetResult();
        await JobTestEnvironment.WaitUntilAsync(() => a.Server!.RunningCount == 0, what: () => "the stale worker to finish");

        var job = await env.JobAsync(id);
        var history = await env.HistoryAsync(id);
        Assert.Multiple(() =>
        {
            Assert.That(job.State, Is.EqualTo(JobState.Succeeded));
            Assert.That(job.Version, Is.EqualTo(takenOver.Version), "the stale completion changed nothing");
            Assert.That(history.Count(h => h.State == JobState.Succeeded), Is.EqualTo(1));
            Assert.That(history.Single(h => h.State == JobState.Succeeded).ServerId, Is.EqualTo(b.Server!.ServerId));
            Assert.That(job.AbandonCount, Is.EqualTo(1));
            Assert.That(env.Logs.Messages, Has.Some.Contains($"Stale completion of job {id}"));
        });
    }

    [Test]
    public async Task Graceful_shutdown_lets_short_jobs_finish_and_requeues_the_rest_without_counting_an_attempt()
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync(s =>
        {
            s["Jobs:ShutdownGracePeriod"] = "00:00:00.500";
            s["Jobs:ShutdownCancelWait"] = "00:00:00.500";
        });
        var quick = await node.EnqueueAsync(new BlockingJob("quick"));
        var cooperative = await node.EnqueueAsync(new BlockingJob("coop"));
        var stubborn = await node.EnqueueAsync(new BlockingJob("stubborn", HonourCancellation: false));
        await JobTestEnvironment.WaitUntilAsync(() => node.Server!.RunningCount == 3, what: () => "three running jobs");

        var stopping = node.StopAsync();
        env.Probe.Gate("quick").TrySetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        var quickJob = await env.JobAsync(quick);
        var coopJob = await env.JobAsync(cooperative);
        var stubbornJob = await env.JobAsync(stubborn);
        Assert.Multiple(() =>
        {
            Assert.That(quickJob.State, Is.EqualTo(JobState.Succeeded), "finished within the grace period");
            Assert.That(coopJob.State, Is.EqualTo(JobState.Enqueued), "cancelled and requeued");
            Assert.That(coopJob.Attempt, Is.Zero, "the attempt is not counted");
            Assert.That(coopJob.RetryCount, Is.Zero);
            Assert.That(stubbornJob.State, Is.EqualTo(JobState.Enqueued), "ignored cancellation: requeued anyway");
            Assert.That(stubbornJob.Attempt, Is.Zero);
        });
        var servers = await env.QueryAsync(db => db.JobServers.CountAsync());
        Assert.That(servers, Is.Zero, "the server unregistered");

        // The stubborn handler finishing later is a stale completion; a new server runs both requeued jobs.
        env.Probe.Gate("stubborn").TrySetResult();
        env.Probe.Gate("coop").TrySetResult();
        await env.StartNodeAsync();
        await env.WaitForStateAsync(cooperative, JobState.Succeeded);
        var rerun = await env.WaitForStateAsync(stubborn, JobState.Succeeded);
        Assert.That(rerun.Attempt, Is.EqualTo(1));
    }
}
