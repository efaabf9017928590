namespace CleanApp.Application.Common.Jobs;

/// <summary>
/// Registers a MediatR command (<c>IRequest</c>) as a background job kind. <see cref="Kind"/> is the stable name stored
/// with queued jobs: renaming the class must not change it. The other properties are the kind's default options, which
/// a call can override with <see cref="JobOptions"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BackgroundJobAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;

    /// <summary>Shown on the dashboard instead of the kind; defaults to the kind.</summary>
    public string? DisplayName { get; set; }

    public string Queue { get; set; } = JobOptions.DefaultQueue;

    /// <summary>Higher runs first within a queue.</summary>
    public int Priority { get; set; }

    /// <summary>Automatic retries after the first failure (Hangfire's default is 10; 0 disables retrying).</summary>
    public int Attempts { get; set; } = JobOptions.DefaultAttempts;

    public AttemptsExceededAction OnAttemptsExceeded { get; set; } = AttemptsExceededAction.Fail;

    /// <summary>For recurring jobs of this kind: skip an occurrence while the previous one is still running.</summary>
    public bool NoOverlap { get; set; }
}
