using CleanApp.Application.Common.Auditing;

namespace CleanApp.Application.Audit;

/// <summary>One page of the audit log, newest first; <see cref="EntriesCount"/> is the number of matches.</summary>
public sealed record AuditLogPageDto
{
    public IReadOnlyList<AuditEntryDto> Entries { get; init; } = [];

    public int EntriesCount { get; init; }
}
