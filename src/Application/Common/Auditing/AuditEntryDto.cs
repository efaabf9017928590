namespace CleanApp.Application.Common.Auditing;

/// <summary>One audit entry as the dashboard's page and <c>GET /api/admin/audit</c> show it.</summary>
public sealed record AuditEntryDto(
    long Id,
    DateTime At,
    Guid? UserId,
    string Actor,
    string Action,
    string Target,
    string Outcome,
    string? Reason
);
