using CleanApp.Application.Common.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>JOBS.md test 7: continuations for each parent final state and option, and added after the parent finished.</summary>
[TestFixture]
public sealed class ContinuationTests
{
    [TestCase(true, JobContinuationOptions.OnlyOnSucceededState, JobState.Succeeded)]
    [TestCase(true, JobContinuationOptions.OnlyOnDeletedState, JobState.Deleted)]
    [TestCase(true, JobContinuationOptions.OnAnyFinishedState, JobState.Succeeded)]
    [TestCase(false, JobContinuationOptions.OnlyOnSucceededState, JobState.Deleted)]
    [TestCase(false, JobContinuationOptions.OnlyOnDeletedState, JobState.Succeeded)]
    [TestCase(false, JobContinuationOptions.OnAnyFinishedState, JobState.Succeeded)]
    public async Task Continuation_follows_its_parents_final_state(
        bool parentSucceeds,
        JobContinuationOptions option,
        JobState expectedChildState
    )
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync();

        var (parent, child) = await node.WithClientAsync(c =>
        {
            var p = c.Enqueue(new BlockingJob("parent"));
            return (p, c.ContinueJobWith(p, new RecordJob("child"), option));
        });
        Assert.That((await env.JobAsync(child)).State, Is.EqualTo(JobState.Awaiting));
        await env.Probe.StartedSignal("parent").Task.WaitAsync(TimeSpan.FromSeconds(10));

        if (parentSucceeds)
        {
            env.Probe.Gate("parent").TrySetResult();
            await env.WaitForStateAsync(parent, JobState.Succeeded);
        }
        else
        {
            await node.WithScopeAsync(sp => sp.GetRequiredService<IBackgroundJobClient>().DeleteAsync(parent));
        }

        var childJob = await env.WaitForStateAsync(child, expectedChildState);
        Assert.That(env.Probe.CountFor("child"), Is.EqualTo(expectedChildState == JobState.Succeeded ? 1 : 0));
        Assert.That(
            childJob.StateReason ?? string.Empty,
            expectedChildState == JobState.Deleted ? Does.Contain("continuation option not met") : Is.Not.Null
        );
    }

    [Test]
    public async Task A_failed_parent_keeps_its_continuations_waiting()
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync();

        var (parent, child) = await node.WithClientAsync(c =>
        {
            var p = c.Enqueue(new FailingJob("p", FailTimes: -1), new JobOptions { Attempts = 0 });
            return (p, c.ContinueJobWith(p, new RecordJob("c"), JobContinuationOptions.OnAnyFinishedState));
        });
        await env.WaitForStateAsync(parent, JobState.Failed);
        await node.Server!.ScheduleNowAsync();
        Assert.That((await env.JobAsync(child)).State, Is.EqualTo(JobState.Awaiting), "Failed is not final");
    }

    [TestCase(JobContinuationOptions.OnlyOnSucceededState, JobState.Succeeded)]
    [TestCase(JobContinuationOptions.OnlyOnDeletedState, JobState.Deleted)]
    public async Task A_continuation_added_after_the_parent_finished_is_resolved_at_once(JobContinuationOptions option, JobState expected)
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync();
        var parent = await node.EnqueueAsync(new RecordJob("done"));
        await env.WaitForStateAsync(parent, JobState.Succeeded);

        var child = await node.WithClientAsync(c => c.ContinueJobWith(parent, new RecordJob("late"), option));

        await env.WaitForStateAsync(child, expected);
        Assert.That(env.Probe.CountFor("late"), Is.EqualTo(expected == JobState.Succeeded ? 1 : 0));
    }

    [Test]
    public async Task A_continuation_stranded_by_a_race_is_released_by_the_scheduler()
    {
        await using var env = new JobTestEnvironment();
        var web = await env.StartNodeAsync(serverEnabled: false);
        var parent = await web.EnqueueAsync(new RecordJob("racer"));
        var child = await web.WithClientAsync(c => c.ContinueJobWith(parent, new RecordJob("stranded")));

        // Simulate the race: the parent finished (committed elsewhere) without releasing the already-committed child.
        await env.QueryAsync(async db =>
        {
            var job = await db.Jobs.FindAsync(parent);
            job!.State = JobState.Succeeded;
            job.Version++;
            return await db.SaveChangesAsync();
        });
        Assert.That((await env.JobAsync(child)).State, Is.EqualTo(JobState.Awaiting));

        await env.StartNodeAsync();
        await env.WaitForStateAsync(child, JobState.Succeeded);
        Assert.That(env.Probe.CountFor("stranded"), Is.EqualTo(1));
    }

    [Test]
    public async Task Deleting_a_continuation_chain_cascades_to_grandchildren()
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync(serverEnabled: false);
        var (parent, child, grandchild) = await node.WithClientAsync(c =>
        {
            var p = c.Enqueue(new RecordJob("root"));
            var ch = c.ContinueJobWith(p, new RecordJob("child"));
            return (p, ch, c.ContinueJobWith(ch, new RecordJob("grandchild")));
        });

        await node.WithScopeAsync(sp => sp.GetRequiredService<IBackgroundJobClient>().DeleteAsync(parent));

        Assert.That((await env.JobAsync(child)).State, Is.EqualTo(JobState.Deleted));
        Assert.That((await env.JobAsync(grandchild)).State, Is.EqualTo(JobState.Deleted));
    }
}
