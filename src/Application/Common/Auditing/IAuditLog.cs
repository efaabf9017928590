namespace CleanApp.Application.Common.Auditing;

/// <summary>
/// Who did what to which target, and when: every dashboard action is written here (docs/dashboard.md, "Audit").
/// The actor is the current user; entries are append-only.
/// </summary>
public interface IAuditLog
{
    Task WriteAsync(string action, string target, string outcome, CancellationToken cancellationToken);

    /// <summary>Newest first; pass the last entry's id as <paramref name="beforeId"/> for the next page.</summary>
    Task<IReadOnlyList<AuditEntryDto>> GetPageAsync(long? beforeId, int pageSize, CancellationToken cancellationToken);
}

public sealed record AuditEntryDto(long Id, DateTime At, Guid? UserId, string Actor, string Action, string Target, string Outcome);
