using System.Diagnostics;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>JOBS.md test 8: a job enqueued in a unit of work commits or rolls back with it; a commit wakes the workers.</summary>
[TestFixture]
public sealed class TransactionalEnqueueTests
{
    private static void SlowPoll(Dictionary<string, string?> settings)
    {
        // Polling would take a minute: only the post-commit wake-up can start the job quickly.
        settings["Jobs:PollInterval"] = "00:01:00";
        settings["Jobs:SchedulerInterval"] = "00:01:00";
    }

    [Test]
    public async Task Rolled_back_unit_of_work_never_runs_its_job()
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync(SlowPoll);

        string? id = null;
        await node.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IApplicationDbContext>();
            var client = sp.GetRequiredService<IBackgroundJobClient>();
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                db.InTransactionAsync<int>(
                    async ct =>
                    {
                        id = client.Enqueue(new RecordJob("rollback"));
                        await db.SaveChangesAsync(ct);
                        throw new InvalidOperationException("the command failed after saving");
                    },
                    CancellationToken.None
                )
            );
            return true;
        });

        // Also: staged but never saved.
        await node.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IBackgroundJobClient>().Enqueue(new RecordJob("unsaved"))));

        await node.Server!.ScheduleNowAsync();
        var exists = await env.QueryAsync(db => db.Jobs.AnyAsync());
        Assert.That(id, Is.Not.Null);
        Assert.That(exists, Is.False);
        Assert.That(env.Probe.Executions, Is.Empty);
    }

    [Test]
    public async Task Committed_job_starts_right_after_the_commit_without_waiting_for_the_poll()
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync(SlowPoll);
        // Let the fetcher reach its idle wait first.
        await Task.Delay(200);

        var stopwatch = Stopwatch.StartNew();
        var id = await node.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<IApplicationDbContext>();
            var client = sp.GetRequiredService<IBackgroundJobClient>();
            return await db.InTransactionAsync(
                async ct =>
                {
                    var jobId = client.Enqueue(new RecordJob("commit"));
                    await db.SaveChangesAsync(ct);
                    return jobId;
                },
                CancellationToken.None
            );
        });

        await JobTestEnvironment.WaitUntilAsync(() => env.Probe.CountFor("commit") == 1, TimeSpan.FromSeconds(10));
        stopwatch.Stop();
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "far below the one-minute poll interval");
        await env.WaitForStateAsync(id, JobState.Succeeded);
    }

    [Test]
    public async Task Web_only_instance_enqueues_and_a_worker_instance_runs_it()
    {
        await using var env = new JobTestEnvironment();
        var web = await env.StartNodeAsync(serverEnabled: false);
        Assert.That(web.Server, Is.Null);
        await env.StartNodeAsync();

        var id = await web.EnqueueAsync(new RecordJob("cross-process"));
        await env.WaitForStateAsync(id, JobState.Succeeded);
    }
}
