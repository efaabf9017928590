namespace CleanApp.Infrastructure.Jobs.Storage;

/// <summary>The optional parts of a job's retry policy, stored as JSON in <see cref="JobRecord.RetryPolicy"/>.</summary>
public sealed record JobRetryPolicy
{
    /// <summary>Explicit delays in seconds before retry 1, 2, ... (the last repeats).</summary>
    public IReadOnlyList<double>? DelaysSeconds { get; init; }

    public IReadOnlyList<string>? OnlyOn { get; init; }

    public IReadOnlyList<string>? ExceptOn { get; init; }
}
