namespace CleanApp.Infrastructure.Auditing;

/// <summary>One operator action (table <c>AuditLog</c>), append-only: who, what, which target, when, and the outcome.</summary>
public sealed class AuditLogEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The actor's email at the time of the action (kept even if the account is later deleted).</summary>
    public string Actor { get; set; } = default!;

    /// <summary>e.g. <c>job.requeue</c>, <c>recurring.trigger</c>, <c>queue.pause</c>.</summary>
    public string Action { get; set; } = default!;

    /// <summary>e.g. <c>job 01936f…</c>, <c>recurring nightly-digest</c>, <c>queue email</c>.</summary>
    public string Target { get; set; } = default!;

    public string Outcome { get; set; } = default!;
}
