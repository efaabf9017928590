namespace CleanApp.Infrastructure.Jobs.Storage;

/// <summary>A running engine instance (table <c>JobServers</c>); removed by the reaper when silent too long.</summary>
public sealed class JobServerRecord
{
    public string Id { get; set; } = default!;

    public string HostName { get; set; } = default!;

    public int Workers { get; set; }

    /// <summary>Comma-separated, in claim order.</summary>
    public string Queues { get; set; } = default!;

    public DateTime StartedAt { get; set; }

    public DateTime HeartbeatAt { get; set; }
}
