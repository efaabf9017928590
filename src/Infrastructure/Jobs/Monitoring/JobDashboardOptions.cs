namespace CleanApp.Infrastructure.Jobs.Monitoring;

/// <summary>Bound from <c>Jobs:Dashboard</c> (docs/dashboard.md).</summary>
public sealed class JobDashboardOptions
{
    public const string SectionName = "Jobs:Dashboard";

    /// <summary>Always redacted, whatever the configuration adds (case-insensitive property names, at any depth).</summary>
    public static readonly IReadOnlyList<string> AlwaysRedacted = ["password", "secret", "token", "apiKey", "connectionString"];

    /// <summary>Further argument property names whose values the dashboard replaces with <see cref="RedactedMarker"/>.</summary>
    public IList<string> RedactedArguments { get; set; } = [];

    /// <summary>A server whose heartbeat is older than this is shown as "possibly aborted"; null = 2 × the heartbeat interval.</summary>
    public TimeSpan? PossiblyAbortedAfter { get; set; }

    public const string RedactedMarker = "***redacted***";
}
