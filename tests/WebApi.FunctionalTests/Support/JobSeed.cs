using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;
using CleanApp.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>
/// Writes engine rows directly (jobs in every state with history, statistics, a recurring job, servers, a paused queue)
/// so dashboard tests see known data. Hosts using it run with Jobs:Enabled=false: no server changes the rows behind the test.
/// </summary>
public static class JobSeed
{
    public const string Kind = "email.welcome";
    public const string DisplayName = "Send welcome email";

    public static async Task<SeededJobs> SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var now = DateTime.UtcNow;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var counter = 0;

        JobRecord Job(string name, JobState state, string queue = "default", Action<JobRecord>? configure = null)
        {
            var at = now.AddMinutes(-(++counter));
            var job = new JobRecord
            {
                Id = Guid.CreateVersion7(at).ToString("N"),
                Kind = Kind,
                Queue = queue,
                State = state,
                Payload = $$"""{"userId":"{{Guid.NewGuid()}}","password":"hunter2-secret","note":"seed {{name}}"}""",
                MaxRetries = 10,
                CreatedAt = at,
                StateChangedAt = at,
                RunAt = at,
                EnqueuedAt = at,
                StateReason = $"seeded {name}",
            };
            configure?.Invoke(job);
            db.Jobs.Add(job);
            db.JobHistory.Add(
                new JobHistoryEntry
                {
                    JobId = job.Id,
                    State = JobState.Enqueued,
                    Reason = "Enqueued",
                    CreatedAt = at.AddSeconds(-1),
                }
            );
            db.JobHistory.Add(
                new JobHistoryEntry
                {
                    JobId = job.Id,
                    State = state,
                    Reason = job.StateReason,
                    CreatedAt = at,
                    ExceptionType = job.LastExceptionType,
                    ExceptionMessage = job.LastExceptionMessage,
                    ExceptionDetails = job.LastExceptionType is null
                        ? null
                        : $"{job.LastExceptionType}: {job.LastExceptionMessage}\n   at CleanApp.Seed.Handler.Handle() in Seed.cs:line 42",
                    ServerId = job.LeaseOwner,
                    LatencyMs = job.LatencyMs,
                    DurationMs = job.DurationMs,
                }
            );
            ids[name] = job.Id;
            return job;
        }

        Job("enqueued", JobState.Enqueued);
        Job("enqueued-2", JobState.Enqueued, "email");
        Job("scheduled", JobState.Scheduled, configure: j => j.RunAt = now.AddHours(2));
        Job("retry", JobState.Scheduled, configure: j =>
        {
            j.RunAt = now.AddMinutes(3);
            j.RetryCount = 2;
            j.Attempt = 3;
            j.LastExceptionType = "System.TimeoutException";
            j.LastExceptionMessage = "The SMTP server did not answer";
        });
        Job("processing", JobState.Processing, configure: j =>
        {
            j.StartedAt = now;
            j.LeaseOwner = "web-1:seed";
            j.LeaseExpiresAt = now.AddMinutes(5);
            j.LatencyMs = 12;
            j.Attempt = 1;
        });
        Job("succeeded", JobState.Succeeded, configure: j =>
        {
            j.FinishedAt = now;
            j.LatencyMs = 8;
            j.DurationMs = 250;
            j.Attempt = 1;
        });
        Job("failed", JobState.Failed, configure: j =>
        {
            j.LastExceptionType = "System.InvalidOperationException";
            j.LastExceptionMessage = "Mailbox unavailable";
            j.Attempt = 11;
            j.RetryCount = 10;
        });
        Job("failed-2", JobState.Failed, configure: j =>
        {
            j.LastExceptionType = "System.IO.IOException";
            j.LastExceptionMessage = "Disk full";
        });
        Job("failed-3", JobState.Failed, configure: j =>
        {
            j.LastExceptionType = "System.IO.IOException";
            j.LastExceptionMessage = "Disk still full";
        });
        Job("deleted", JobState.Deleted, configure: j => j.StateReason = "Deleted manually");
        var parent = ids["succeeded"];
        Job("awaiting", JobState.Awaiting, configure: j =>
        {
            j.ParentId = ids["processing"];
            j.ContinuationOption = JobContinuationOptions.OnlyOnSucceededState;
        });

        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        db.JobStatistics.AddRange(
            new JobStatisticRecord
            {
                Key = JobCounterKeys.Succeeded,
                Period = JobStatisticPeriod.Total,
                BucketStart = JobStatisticRecord.TotalBucket,
                Value = 1234,
            },
            new JobStatisticRecord
            {
                Key = JobCounterKeys.Failed,
                Period = JobStatisticPeriod.Total,
                BucketStart = JobStatisticRecord.TotalBucket,
                Value = 56,
            },
            new JobStatisticRecord
            {
                Key = JobCounterKeys.Succeeded,
                Period = JobStatisticPeriod.Hour,
                BucketStart = hour.AddHours(-1),
                Value = 40,
            },
            new JobStatisticRecord
            {
                Key = JobCounterKeys.Failed,
                Period = JobStatisticPeriod.Hour,
                BucketStart = hour.AddHours(-1),
                Value = 3,
            },
            new JobStatisticRecord
            {
                Key = JobCounterKeys.Succeeded,
                Period = JobStatisticPeriod.Day,
                BucketStart = hour.Date,
                Value = 400,
            }
        );

        db.RecurringJobs.Add(
            new RecurringJobRecord
            {
                Id = "welcome-digest",
                Kind = Kind,
                Payload = $$"""{"userId":"{{Guid.NewGuid()}}"}""",
                Cron = "30 3 * * *",
                TimeZoneId = "Europe/Berlin",
                NextExecution = now.AddHours(5),
                LastExecution = now.AddHours(-19),
                LastJobId = parent,
                CreatedAt = now,
                UpdatedAt = now,
            }
        );
        db.RecurringJobs.Add(
            new RecurringJobRecord
            {
                Id = "broken-cron",
                Kind = Kind,
                Payload = "{}",
                Cron = "not a cron",
                Error = "Cron 'not a cron' must have 5 or 6 fields, not 3.",
                CreatedAt = now,
                UpdatedAt = now,
            }
        );
        db.JobServers.Add(
            new JobServerRecord
            {
                Id = "web-1:seed",
                HostName = "web-1",
                Workers = 10,
                Queues = "default,email",
                StartedAt = now.AddHours(-1),
                HeartbeatAt = now.AddHours(1),
            }
        );
        db.JobServers.Add(
            new JobServerRecord
            {
                Id = "web-2:silent",
                HostName = "web-2",
                Workers = 5,
                Queues = "default",
                StartedAt = now.AddHours(-2),
                HeartbeatAt = now.AddMinutes(-10),
            }
        );
        db.JobQueues.Add(
            new JobQueueRecord
            {
                Name = "reports",
                IsPaused = true,
                ChangedAt = now,
                ChangedBy = "seed",
            }
        );
        await db.SaveChangesAsync();
        return new SeededJobs(ids);
    }

    public static async Task<JobState?> StateOfAsync(IServiceProvider services, string jobId)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        return db.Jobs.Where(j => j.Id == jobId).Select(j => (JobState?)j.State).FirstOrDefault();
    }
}

public sealed record SeededJobs(IReadOnlyDictionary<string, string> Ids)
{
    public string this[string name] => Ids[name];
}
