namespace CleanApp.Domain.Auditing;

/// <summary>
/// One recorded action (table <c>AuditLog</c>), append-only: who, what, which target, why, when, and the outcome. Written
/// by the jobs dashboard (ops actions) and by every administration and moderation command (docs/decisions/0034-audit-log.md).
/// </summary>
public sealed class AuditLogEntry
{
    public const int ActorMaxLength = 256;
    public const int ActionMaxLength = 100;
    public const int TargetMaxLength = 300;
    public const int OutcomeMaxLength = 500;
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public DateTime At { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The actor's email at the time of the action (kept even if the account is later deleted); "system" without one.</summary>
    public string Actor { get; set; } = default!;

    /// <summary>e.g. <c>job.requeue</c>, <c>recurring.trigger</c>, <c>account.suspend</c>, <c>flag.hide</c>.</summary>
    public string Action { get; set; } = default!;

    /// <summary>e.g. <c>job 01936f…</c>, <c>recurring daily-digest</c>, <c>account alice</c>, <c>article how-to-train</c>.</summary>
    public string Target { get; set; } = default!;

    public string Outcome { get; set; } = default!;

    /// <summary>The reason the actor gave, when the action takes one (a suspension, a flag's resolution).</summary>
    public string? Reason { get; set; }
}
