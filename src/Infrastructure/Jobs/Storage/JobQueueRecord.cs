namespace CleanApp.Infrastructure.Jobs.Storage;

/// <summary>Per-queue settings (table <c>JobQueues</c>); a missing row means "not paused".</summary>
public sealed class JobQueueRecord
{
    public string Name { get; set; } = default!;

    /// <summary>Workers do not claim from a paused queue (jobs keep accumulating).</summary>
    public bool IsPaused { get; set; }

    public DateTime? ChangedAt { get; set; }

    public string? ChangedBy { get; set; }
}
