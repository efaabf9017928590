namespace CleanApp.Application.Common.Jobs;

/// <summary>
/// What a handler may know about the background execution it runs in (scoped; empty outside a job). There is no
/// HttpContext in a job: anything about "who" travels in the payload. Use <see cref="JobId"/> or the idempotency key
/// to make a handler idempotent ("check, act, mark", docs/jobs.md).
/// </summary>
public interface IJobExecutionContext
{
    /// <summary>True when the current scope runs a background job.</summary>
    bool IsBackgroundJob { get; }

    string? JobId { get; }

    string? Kind { get; }

    /// <summary>1 for the first execution; higher after retries or abandonments (at-least-once).</summary>
    int Attempt { get; }

    string? IdempotencyKey { get; }

    string? RecurringJobId { get; }
}
