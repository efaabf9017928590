using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>JOBS.md test 1: each state transition and the retry policy.</summary>
[TestFixture]
public sealed class JobStateTransitionTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Enqueued_job_runs_and_succeeds_with_a_history_row_per_transition()
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync();

        var id = await node.EnqueueAsync(new RecordJob("a"));
        var job = await env.WaitForStateAsync(id, JobState.Succeeded);

        Assert.Multiple(() =>
        {
            Assert.That(env.Probe.CountFor("a"), Is.EqualTo(1));
            Assert.That(job.Attempt, Is.EqualTo(1));
            Assert.That(job.Kind, Is.EqualTo("test.record"));
            Assert.That(job.LeaseToken, Is.Null);
            Assert.That(job.ExpiresAt, Is.Not.Null);
            Assert.That(job.DurationMs, Is.Not.Null);
        });
        var history = await env.HistoryAsync(id);
        Assert.That(history.Select(h => h.State), Is.EqualTo(new[] { JobState.Enqueued, JobState.Processing, JobState.Succeeded }));
        Assert.That(history[2].ServerId, Is.EqualTo(node.Server!.ServerId));
        Assert.That(history[1].LatencyMs, Is.Not.Null);
    }

    [Test]
    public async Task Scheduled_job_waits_for_its_time_then_is_enqueued_and_runs()
    {
        await using var env = new JobTestEnvironment(new FakeTimeProvider(Start));
        var node = await env.StartNodeAsync();

        var id = await node.WithClientAsync(c => c.Schedule(new RecordJob("s"), TimeSpan.FromMinutes(5)));
        var job = await env.JobAsync(id);
        Assert.That(job.State, Is.EqualTo(JobState.Scheduled));
        Assert.That(job.RunAt, Is.EqualTo(Start.UtcDateTime.AddMinutes(5)));

        await node.Server!.ScheduleNowAsync();
        Assert.That((await env.JobAsync(id)).State, Is.EqualTo(JobState.Scheduled), "not due yet");

        env.Clock!.Advance(TimeSpan.FromMinutes(5));
        await env.WaitForStateAsync(id, JobState.Succeeded);
        var history = await env.HistoryAsync(id);
        Assert.That(
            history.Select(h => h.State),
            Is.EqualTo(new[] { JobState.Scheduled, JobState.Enqueued, JobState.Processing, JobState.Succeeded })
        );
    }

    [Test]
    public async Task A_failure_schedules_a_retry_with_hangfires_delay_then_the_retry_succeeds()
    {
        await using var env = new JobTestEnvironment(new FakeTimeProvider(Start));
        var node = await env.StartNodeAsync();

        var id = await node.EnqueueAsync(new FailingJob("f", FailTimes: 1));
        var job = await env.WaitForStateAsync(id, JobState.Scheduled);

        var delay = job.RunAt - Start.UtcDateTime;
        Assert.Multiple(() =>
        {
            Assert.That(delay, Is.InRange(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(44)), "first retry: 15 + random(0..29)·1 s");
            Assert.That(job.RetryCount, Is.EqualTo(1));
            Assert.That(job.LastExceptionType, Is.EqualTo(typeof(FlakyException).FullName));
            Assert.That(job.StateReason, Does.StartWith("Retry attempt 1 of 10"));
        });
        var scheduled = (await env.HistoryAsync(id)).Last();
        Assert.That(scheduled.ExceptionDetails, Does.Contain(nameof(FailingJobHandler)), "the stack is kept in the history");

        env.Clock!.Advance(TimeSpan.FromSeconds(45));
        job = await env.WaitForStateAsync(id, JobState.Succeeded);
        Assert.That(job.Attempt, Is.EqualTo(2));
        Assert.That(env.Probe.CountFor("f"), Is.EqualTo(2));
    }

    [Test]
    public void Hangfire_delays_stay_within_their_bounds_for_every_retry()
    {
        var random = new Random(42);
        for (var retry = 1; retry <= 10; retry++)
        {
            var lower = Math.Pow(retry - 1, 4) + 15;
            var upper = lower + (29 * retry);
            for (var i = 0; i < 200; i++)
            {
                var seconds = JobRetryDecision.HangfireDelay(retry, random).TotalSeconds;
                Assert.That(seconds, Is.InRange(lower, upper), $"retry {retry}");
            }
        }

        Assert.That(JobRetryDecision.HangfireDelay(10, new Random(1)).TotalMinutes, Is.InRange(109, 115), "about 110 min for the tenth");
    }

    [Test]
    public async Task Exhausted_retries_end_in_Failed_or_Deleted_as_configured()
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync();
        var zero = new[] { TimeSpan.Zero };

        var failed = await node.EnqueueAsync(new FailingJob("x1", FailTimes: -1), new JobOptions { Attempts = 2, RetryDelays = zero });
        var deleted = await node.EnqueueAsync(
            new FailingJob("x2", FailTimes: -1),
            new JobOptions
            {
                Attempts = 2,
                RetryDelays = zero,
                OnAttemptsExceeded = AttemptsExceededAction.Delete,
            }
        );
        var noRetry = await node.EnqueueAsync(new FailingJob("x3", FailTimes: -1), new JobOptions { Attempts = 0 });

        var failedJob = await env.WaitForStateAsync(failed, JobState.Failed);
        await env.WaitForStateAsync(deleted, JobState.Deleted);
        var noRetryJob = await env.WaitForStateAsync(noRetry, JobState.Failed);

        Assert.Multiple(() =>
        {
            Assert.That(env.Probe.CountFor("x1"), Is.EqualTo(3), "first run + 2 retries");
            Assert.That(env.Probe.CountFor("x2"), Is.EqualTo(3));
            Assert.That(env.Probe.CountFor("x3"), Is.EqualTo(1));
            Assert.That(failedJob.RetryCount, Is.EqualTo(2));
            Assert.That(failedJob.StateReason, Does.StartWith("Retry attempts exceeded (2)"));
            Assert.That(noRetryJob.StateReason, Does.StartWith("Retries are disabled"));
            Assert.That(failedJob.ExpiresAt, Is.Null, "Failed jobs never expire by default");
        });
    }

    [Test]
    public async Task Only_on_and_except_on_decide_which_exceptions_are_retried()
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync();
        var zero = new[] { TimeSpan.Zero };

        var onlyOnOther = await node.EnqueueAsync(
            new FailingJob("o1", FailTimes: 1),
            new JobOptions { RetryDelays = zero, RetryOnlyOn = [typeof(TimeoutException).FullName!] }
        );
        var onlyOnMatching = await node.EnqueueAsync(
            new FailingJob("o2", FailTimes: 1),
            new JobOptions { RetryDelays = zero, RetryOnlyOn = [nameof(FlakyException)] }
        );
        var exceptOn = await node.EnqueueAsync(
            new FailingJob("e1", FailTimes: 1, nameof(PermanentException)),
            new JobOptions { RetryDelays = zero, RetryExceptOn = [typeof(PermanentException).FullName!] }
        );
        var exceptOnOther = await node.EnqueueAsync(
            new FailingJob("e2", FailTimes: 1),
            new JobOptions { RetryDelays = zero, RetryExceptOn = [typeof(PermanentException).FullName!] }
        );

        var a = await env.WaitForStateAsync(onlyOnOther, JobState.Failed);
        await env.WaitForStateAsync(onlyOnMatching, JobState.Succeeded);
        var c = await env.WaitForStateAsync(exceptOn, JobState.Failed);
        await env.WaitForStateAsync(exceptOnOther, JobState.Succeeded);

        Assert.Multiple(() =>
        {
            Assert.That(a.StateReason, Does.Contain("only-on"));
            Assert.That(c.StateReason, Does.Contain("except-on"));
            Assert.That(env.Probe.CountFor("o1"), Is.EqualTo(1));
            Assert.That(env.Probe.CountFor("o2"), Is.EqualTo(2));
            Assert.That(env.Probe.CountFor("e1"), Is.EqualTo(1));
            Assert.That(env.Probe.CountFor("e2"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Manual_delete_and_requeue_move_jobs_from_any_state()
    {
        await using var env = new JobTestEnvironment(new FakeTimeProvider(Start));
        var node = await env.StartNodeAsync();

        var scheduled = await node.WithClientAsync(c => c.Schedule(new RecordJob("d"), TimeSpan.FromHours(1)));
        var failed = await node.EnqueueAsync(new FailingJob("r", FailTimes: 1), new JobOptions { Attempts = 0 });
        await env.WaitForStateAsync(failed, JobState.Failed);

        var client = node.Services.GetRequiredService<IServiceScopeFactory>();
        await using (var scope = client.CreateAsyncScope())
        {
            var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
            Assert.That(await jobs.DeleteAsync(scheduled), Is.True);
            Assert.That(await jobs.RequeueAsync(failed), Is.True);
            Assert.That(await jobs.DeleteAsync("no-such-job"), Is.False);
        }

        Assert.That((await env.JobAsync(scheduled)).State, Is.EqualTo(JobState.Deleted));
        await env.WaitForStateAsync(failed, JobState.Succeeded);
        var history = await env.HistoryAsync(failed);
        Assert.That(
            history.Select(h => h.State),
            Is.EqualTo(
                new[]
                {
                    JobState.Enqueued,
                    JobState.Processing,
                    JobState.Failed,
                    JobState.Enqueued,
                    JobState.Processing,
                    JobState.Succeeded,
                }
            )
        );
    }

    [Test]
    public async Task Deleting_a_processing_job_cancels_its_handler_and_its_completion_is_dropped()
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync();

        var id = await node.EnqueueAsync(new BlockingJob("del"));
        await env.Probe.StartedSignal("del").Task.WaitAsync(TimeSpan.FromSeconds(10));
        await node.WithScopeAsync(sp => sp.GetRequiredService<IBackgroundJobClient>().DeleteAsync(id));

        await JobTestEnvironment.WaitUntilAsync(
            () => node.Server!.RunningCount == 0,
            what: () => "the handler to be cancelled by the heartbeat"
        );
        var job = await env.JobAsync(id);
        Assert.That(job.State, Is.EqualTo(JobState.Deleted));
        Assert.That(env.Logs.Messages, Has.Some.Contains($"Job {id} lost its lease"));
    }

    [Test]
    public async Task Idempotency_key_returns_the_live_job_instead_of_a_second_one()
    {
        await using var env = new JobTestEnvironment(new FakeTimeProvider(Start));
        var node = await env.StartNodeAsync();
        var options = new JobOptions { IdempotencyKey = "order-42" };

        var first = await node.WithClientAsync(c => c.Schedule(new RecordJob("k"), TimeSpan.FromHours(1), options));
        var second = await node.WithClientAsync(c => c.Schedule(new RecordJob("k"), TimeSpan.FromHours(1), options));
        var count = await env.QueryAsync(db => db.Jobs.CountAsync(j => j.IdempotencyKey == "order-42"));

        Assert.That(second, Is.EqualTo(first));
        Assert.That(count, Is.EqualTo(1));
    }

    [Test]
    public async Task Enqueueing_an_unregistered_command_throws()
    {
        await using var env = new JobTestEnvironment();
        var node = await env.StartNodeAsync(serverEnabled: false);

        await Assert.ThrowsAsync<InvalidOperationException>(() => node.EnqueueAsync(new NotAJob()));
    }

    public sealed record NotAJob : MediatR.IRequest;
}
