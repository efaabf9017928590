using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Jobs.Storage;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>What happens to a job after a failed execution or an abandoned lease.</summary>
public sealed record JobRetryDecision(JobState NextState, TimeSpan Delay, string Reason)
{
    /// <summary>
    /// Hangfire's AutomaticRetry: up to <see cref="JobRecord.MaxRetries"/> retries after the first failure, delay before
    /// retry n = (n−1)^4 + 15 + random(0..29)·n seconds unless explicit delays are given; only-on / except-on filter by
    /// exception type (full or short name, the type or any base type); exhausted → Fail or Delete.
    /// </summary>
    public static JobRetryDecision Decide(JobRecord job, string? exceptionType, IReadOnlyList<string> exceptionTypeChain, Random random)
    {
        var policy = JobSerializer.DeserializeRetryPolicy(job.RetryPolicy);
        if (
            policy.OnlyOn is { Count: > 0 } onlyOn
            && exceptionType is not null
            && !exceptionTypeChain.Any(t => onlyOn.Contains(t, StringComparer.Ordinal))
        )
        {
            return new JobRetryDecision(JobState.Failed, TimeSpan.Zero, $"{exceptionType} is not a retried exception type (only-on)");
        }

        if (policy.ExceptOn is { Count: > 0 } exceptOn && exceptionTypeChain.Any(t => exceptOn.Contains(t, StringComparer.Ordinal)))
        {
            return new JobRetryDecision(JobState.Failed, TimeSpan.Zero, $"{exceptionType} is never retried (except-on)");
        }

        if (job.RetryCount >= job.MaxRetries)
        {
            var reason = job.MaxRetries == 0 ? "Retries are disabled" : $"Retry attempts exceeded ({job.MaxRetries})";
            return job.OnAttemptsExceeded == AttemptsExceededAction.Delete
                ? new JobRetryDecision(JobState.Deleted, TimeSpan.Zero, reason)
                : new JobRetryDecision(JobState.Failed, TimeSpan.Zero, reason);
        }

        var retry = job.RetryCount + 1;
        return new JobRetryDecision(JobState.Scheduled, DelayFor(retry, policy, random), $"Retry attempt {retry} of {job.MaxRetries}");
    }

    public static TimeSpan DelayFor(int retry, JobRetryPolicy policy, Random random)
    {
        if (policy.DelaysSeconds is { Count: > 0 } delays)
        {
            return TimeSpan.FromSeconds(delays[Math.Min(retry, delays.Count) - 1]);
        }

        return HangfireDelay(retry, random);
    }

    /// <summary>(n−1)^4 + 15 + random(0..29)·n seconds: 15–44 s for the first retry, about 110 min for the tenth.</summary>
    public static TimeSpan HangfireDelay(int retry, Random random) =>
        TimeSpan.FromSeconds(Math.Round(Math.Pow(retry - 1, 4) + 15 + (random.Next(30) * retry)));

    public static IReadOnlyList<string> TypeChain(Exception exception)
    {
        var names = new List<string>();
        for (var type = exception.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            names.Add(type.FullName ?? type.Name);
            names.Add(type.Name);
        }

        return names;
    }
}
