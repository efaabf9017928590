namespace CleanApp.Application.Common.Auditing;

/// <summary>
/// Who did what to which target, why and when: one log for the jobs dashboard's actions and for every administration
/// and moderation command (docs/decisions/0034-audit-log.md). The actor is the current user ("system" without one);
/// entries are append-only.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Writes an entry at once through its own unit of work, so it is kept even when the caller's is not saved (the
    /// dashboard records refused attempts this way).
    /// </summary>
    Task WriteAsync(string action, string target, string outcome, CancellationToken cancellationToken);

    /// <summary>
    /// Stages an entry in the caller's unit of work: it is saved by the same <c>SaveChangesAsync</c> as the action it
    /// records, so an action and its entry exist together or not at all.
    /// </summary>
    Task RecordAsync(string action, string target, string? reason, CancellationToken cancellationToken);

    /// <summary>Newest first; pass the last entry's id as <paramref name="beforeId"/> for the next page.</summary>
    Task<IReadOnlyList<AuditEntryDto>> GetPageAsync(long? beforeId, int pageSize, CancellationToken cancellationToken);
}
