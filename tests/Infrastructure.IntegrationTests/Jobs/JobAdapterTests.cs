using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Users.Commands.SendWelcomeEmail;
using CleanApp.Infrastructure.Jobs;
using CleanApp.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>The port → Hangfire adapter: what Hangfire stores for a CleanApp job, how it is named, queued and retried.</summary>
public sealed class JobAdapterTests
{
    private readonly string _run = Guid.NewGuid().ToString("N");

    [Test]
    public async Task Hangfire_stores_the_kind_and_the_json_payload_never_the_command_type()
    {
        using var host = await StartAsync(server: false);
        var id = await EnqueueAsync(host, jobs => jobs.Enqueue(new RecordCommand(_run, 7)));

        var job = JobOf(host, id);
        var stored = InvocationData.SerializeJob(job);

        Assert.Multiple(() =>
        {
            Assert.That(job.Type, Is.EqualTo(typeof(JobDispatcher)));
            Assert.That(job.Method.Name, Is.EqualTo(nameof(JobDispatcher.RunAsync)));
            Assert.That(job.Args[0], Is.EqualTo("test.record"));
            Assert.That(job.Args[1], Is.EqualTo($$"""{"run":"{{_run}}","item":7}"""));
            Assert.That(job.Args[2], Is.Null, "no per-call options");
            var everything = stored.Type + stored.Method + stored.ParameterTypes + stored.Arguments;
            Assert.That(everything, Does.Not.Contain(nameof(RecordCommand)).And.Not.Contain("$type"));
        });
    }

    [Test]
    public async Task The_kind_sets_queue_and_retries_and_a_call_can_override_them()
    {
        using var host = await StartAsync(server: false);
        var byKind = await EnqueueAsync(host, jobs => jobs.Enqueue(new RenamedAndMovedCommand(_run, 1)));
        var byCall = await EnqueueAsync(host, jobs => jobs.Enqueue(
                new RecordCommand(_run, 2),
                new JobOptions
                {
                    Queue = "reports",
                    Attempts = 3,
                    OnAttemptsExceeded = RetriesExhausted.Delete,
                }
            ));

        var queues = host.Storage.GetMonitoringApi().Queues().ToDictionary(q => q.Name, q => q.Length);
        Assert.That(queues, Does.ContainKey("critical").WithValue(1).And.ContainKey("reports").WithValue(1));

        var filters = host.Services.GetRequiredService<IJobFilterProvider>();
        AutomaticRetryAttribute Retry(string id) =>
            filters.GetFilters(JobOf(host, id)).Select(f => f.Instance).OfType<AutomaticRetryAttribute>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(Retry(byKind).Attempts, Is.EqualTo(2));
            Assert.That(Retry(byKind).OnAttemptsExceeded, Is.EqualTo(AttemptsExceededAction.Delete));
            Assert.That(Retry(byCall).Attempts, Is.EqualTo(3));
            Assert.That(Retry(byCall).OnAttemptsExceeded, Is.EqualTo(AttemptsExceededAction.Delete));
        });
    }

    [Test]
    public async Task Jobs_have_readable_names_made_from_the_kind_and_the_payload()
    {
        using var host = await StartAsync(server: false);
        var kinds = host.Services.GetRequiredService<JobKindRegistry>();
        var userId = Guid.NewGuid();
        var welcome = JobDispatcher.CreateJob("email.welcome", JobKindRegistry.Serialize(new SendWelcomeEmailCommand(userId)), null);
        var record = JobOf(host, await EnqueueAsync(host, jobs => jobs.Enqueue(new RecordCommand(_run, 42))));

        Assert.Multiple(() =>
        {
            Assert.That(KindDisplayNameAttribute.Describe(kinds, welcome), Is.EqualTo($"Send welcome email to user {userId}"));
            Assert.That(KindDisplayNameAttribute.Describe(kinds, record), Is.EqualTo($"Record item 42 of run {_run}"));
            Assert.That(
                KindDisplayNameAttribute.Describe(kinds, JobDispatcher.CreateJob("test.renamed", "{}", null)),
                Is.EqualTo("test.renamed"),
                "no display name: the kind"
            );
        });
    }

    [Test]
    public async Task A_queued_job_still_runs_after_its_command_class_was_renamed_and_moved()
    {
        using var host = await StartAsync(server: true);

        // What the old class (say Legacy.Namespace.OldNameCommand) stored: its kind and its JSON, nothing about the class.
        host.Services.GetRequiredService<IBackgroundJobClient>()
            .Create(JobDispatcher.CreateJob("test.renamed", $$"""{"run":"{{_run}}","item":1}""", null), new EnqueuedState());

        await JobTestHost.WaitUntilAsync(
            () => TestJobLog.Of(_run).ContainsKey(1),
            TimeSpan.FromSeconds(30),
            "the renamed command's handler ran"
        );
    }

    [Test]
    public async Task A_job_that_can_never_run_fails_at_once_and_a_failing_kind_respects_its_attempts()
    {
        using var host = await StartAsync(server: true);
        var client = host.Services.GetRequiredService<IBackgroundJobClient>();
        var unknown = client.Create(JobDispatcher.CreateJob("test.removed-kind", "{}", null), new EnqueuedState());
        var unreadable = client.Create(JobDispatcher.CreateJob("test.record", "not json", null), new EnqueuedState());
        var failing = await EnqueueAsync(host, jobs => jobs.Enqueue(new AlwaysFailsCommand(_run)));
        var failingId = host.Services.GetRequiredService<JobOutboxRelay>().FindRelayed(failing)!;

        string? State(string id)
        {
            using var connection = host.Storage.GetConnection();
            return connection.GetJobData(id)?.State;
        }

        await JobTestHost.WaitUntilAsync(
            () => new[] { unknown, unreadable, failingId }.All(id => State(id) == FailedState.StateName),
            TimeSpan.FromSeconds(30),
            "all three failed"
        );
        var failed = host.Storage.GetMonitoringApi().FailedJobs(0, 10);
        Assert.That(TestJobLog.Of(_run), Does.ContainKey(0), string.Join("\n", failed.Select(f => f.Value.ExceptionDetails)));
        Assert.That(TestJobLog.Of(_run)[0], Is.EqualTo(1), "Attempts = 0: one execution, no retry");
    }

    [Test]
    public void A_command_carrying_a_secret_cannot_be_a_job_kind()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            JobKindRegistry.Describe(typeof(ResetPasswordCommand), new BackgroundJobAttribute("test.secret"))
        );
        Assert.That(error!.Message, Does.Contain("NewPassword"));
    }

    /// <summary>Not a registered kind (no attribute): only <see cref="JobKindRegistry.Describe"/> sees it.</summary>
    private sealed record ResetPasswordCommand(Guid UserId, string NewPassword) : IRequest;

    private static async Task<JobTestHost> StartAsync(bool server)
    {
        var host = new JobTestHost(
            ("Jobs:Storage", "InMemory"),
            ("Jobs:Enabled", server ? "true" : "false"),
            ("Jobs:SchedulePollingInterval", "00:00:00.100")
        );
        await host.Host.MigrateAsync();
        await host.Host.StartAsync();
        return host;
    }

    /// <summary>Stages through the port, commits, and relays; returns the port's id.</summary>
    private static async Task<string> EnqueueAsync(JobTestHost host, Func<IJobScheduler, string> enqueue)
    {
        string id;
        using (var scope = host.Services.CreateScope())
        {
            id = enqueue(scope.ServiceProvider.GetRequiredService<IJobScheduler>());
            await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().SaveChangesAsync();
        }

        await host.Services.GetRequiredService<JobOutboxRelay>().RelayPendingAsync(CancellationToken.None);
        return id;
    }

    private static Job JobOf(JobTestHost host, string portId)
    {
        var hangfireId = host.Services.GetRequiredService<JobOutboxRelay>().FindRelayed(portId) ?? portId;
        using var connection = host.Storage.GetConnection();
        return connection.GetJobData(hangfireId)!.Job;
    }
}
