namespace CleanApp.Application.Common.Jobs;

/// <summary>
/// Registers a MediatR command (<c>IRequest</c>) as a background job kind. <see cref="Kind"/> is the stable name stored
/// with queued jobs: renaming or moving the class must not change it. The other properties are the kind's defaults,
/// which a call can override with <see cref="JobOptions"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BackgroundJobAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;

    /// <summary>
    /// The job's name on the dashboard; <c>{Property}</c> placeholders take the command's values, e.g.
    /// <c>"Send welcome email to user {UserId}"</c>. Name only values that may be shown to ops staff. Defaults to the kind.
    /// </summary>
    public string? DisplayName { get; set; }

    public string Queue { get; set; } = JobOptions.DefaultQueue;

    /// <summary>Automatic retries after the first failure (Hangfire's default is 10; 0 disables retrying).</summary>
    public int Attempts { get; set; } = JobOptions.DefaultAttempts;

    public RetriesExhausted OnAttemptsExceeded { get; set; } = RetriesExhausted.Fail;
}
