using System.Diagnostics;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>A job as Hangfire holds it: the kind and payload CleanApp stored, and its current state.</summary>
public sealed record HangfireJob(string Id, string Kind, string Payload, string State);

/// <summary>Reads the host's own Hangfire storage (the per-host instance in its container) through Hangfire's monitoring API.</summary>
public static class HangfireJobs
{
    private static readonly string[] FinalStates = ["Succeeded", "Failed", "Deleted"];

    public static IReadOnlyList<HangfireJob> All(IServiceProvider services)
    {
        var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        const int all = int.MaxValue;
        var jobs = new List<HangfireJob>();
        jobs.AddRange(monitoring.SucceededJobs(0, all).Select(j => Map(j.Key, j.Value.Job, "Succeeded")));
        jobs.AddRange(monitoring.FailedJobs(0, all).Select(j => Map(j.Key, j.Value.Job, "Failed")));
        jobs.AddRange(monitoring.DeletedJobs(0, all).Select(j => Map(j.Key, j.Value.Job, "Deleted")));
        jobs.AddRange(monitoring.ProcessingJobs(0, all).Select(j => Map(j.Key, j.Value.Job, "Processing")));
        jobs.AddRange(monitoring.ScheduledJobs(0, all).Select(j => Map(j.Key, j.Value.Job, "Scheduled")));
        foreach (var queue in monitoring.Queues())
        {
            jobs.AddRange(monitoring.EnqueuedJobs(queue.Name, 0, all).Select(j => Map(j.Key, j.Value.Job, "Enqueued")));
        }

        return jobs.Where(j => j.Kind.Length > 0).DistinctBy(j => j.Id).ToList();
    }

    public static IReadOnlyList<HangfireJob> OfKinds(IServiceProvider services, params string[] kinds) =>
        All(services).Where(j => kinds.Contains(j.Kind)).ToList();

    /// <summary>The job's states, oldest first (Hangfire's history is newest first).</summary>
    public static IReadOnlyList<string> History(IServiceProvider services, string jobId) =>
        services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(jobId).History.Select(h => h.StateName).Reverse().ToList();

    /// <summary>Waits until at least <paramref name="minimumJobs"/> jobs of the kinds exist and all are final, none failed.</summary>
    public static async Task<IReadOnlyList<HangfireJob>> WaitForFinishedAsync(
        IServiceProvider services,
        int minimumJobs,
        params string[] kinds
    )
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var jobs = OfKinds(services, kinds);
            if (jobs.Count >= minimumJobs && jobs.All(j => FinalStates.Contains(j.State)))
            {
                Assert.That(jobs.Select(j => j.State), Has.None.EqualTo("Failed"), "no job failed");
                return jobs;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail(
                    $"The jobs {string.Join(", ", kinds)} did not finish in time: {string.Join(", ", jobs.Select(j => $"{j.Kind}={j.State}"))}"
                );
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Scheduled jobs of the kind with the time Hangfire will enqueue them at (UTC).</summary>
    public static IReadOnlyList<(string Id, DateTime EnqueueAt)> Scheduled(IServiceProvider services, string kind) =>
        services
            .GetRequiredService<JobStorage>()
            .GetMonitoringApi()
            .ScheduledJobs(0, int.MaxValue)
            .Where(j => j.Value.Job?.Args.Count > 1 && j.Value.Job.Args[0] as string == kind)
            .Select(j => (j.Key, DateTime.SpecifyKind(j.Value.EnqueueAt, DateTimeKind.Utc)))
            .ToList();

    /// <summary>
    /// What Hangfire's scheduler (DelayedJobScheduler) does on each poll, but on the test's clock: every scheduled job whose
    /// time has come moves to Enqueued, guarded by the expected current state as Hangfire guards it. Hangfire itself
    /// compares with the machine's real clock, which a test that moves a FakeTimeProvider does not move.
    /// </summary>
    public static int EnqueueDueScheduledJobs(IServiceProvider services, DateTimeOffset now)
    {
        var client = services.GetRequiredService<IBackgroundJobClient>();
        var due = services
            .GetRequiredService<JobStorage>()
            .GetMonitoringApi()
            .ScheduledJobs(0, int.MaxValue)
            .Where(j => DateTime.SpecifyKind(j.Value.EnqueueAt, DateTimeKind.Utc) <= now.UtcDateTime)
            .Select(j => j.Key)
            .ToList();
        return due.Count(id =>
            client.ChangeState(
                id,
                new Hangfire.States.EnqueuedState { Reason = "Due on the test's clock" },
                Hangfire.States.ScheduledState.StateName
            )
        );
    }

    /// <summary>Waits until <paramref name="condition"/> holds (polling), failing after 60 s with <paramref name="what"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"Timed out waiting until {what}");
            }

            await Task.Delay(50);
        }
    }

    private static HangfireJob Map(string id, Hangfire.Common.Job? job, string state) =>
        new(
            id,
            job?.Args.Count > 1 ? job.Args[0] as string ?? string.Empty : string.Empty,
            job?.Args.Count > 1 ? job.Args[1] as string ?? string.Empty : string.Empty,
            state
        );
}
