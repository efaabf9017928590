using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Auditing;
using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.Auditing;

/// <summary>
/// The one audit log (docs/decisions/0034-audit-log.md). <see cref="WriteAsync"/> saves through its own short-lived
/// context, so a dashboard entry is stored even when the caller's unit of work is not saved; <see cref="RecordAsync"/>
/// stages the entry in the caller's own unit of work, so it commits together with the action it records.
/// </summary>
public sealed class AuditLog(
    IServiceScopeFactory scopes,
    ApplicationDbContext unitOfWork,
    ICurrentUser currentUser,
    IIdentityService identity,
    TimeProvider clock
) : IAuditLog
{
    public const string SystemActor = "system";

    public const string Succeeded = "ok";

    public async Task WriteAsync(string action, string target, string outcome, CancellationToken cancellationToken)
    {
        var entry = await NewEntryAsync(action, target, outcome, reason: null, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.Set<AuditLogEntry>().Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordAsync(string action, string target, string? reason, CancellationToken cancellationToken) =>
        unitOfWork.Set<AuditLogEntry>().Add(await NewEntryAsync(action, target, Succeeded, reason, cancellationToken));

    public async Task<IReadOnlyList<AuditEntryDto>> GetPageAsync(long? beforeId, int pageSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Set<AuditLogEntry>().AsNoTracking();
        if (beforeId is { } before)
        {
            query = query.Where(a => a.Id < before);
        }

        return await query
            .OrderByDescending(a => a.Id)
            .Take(pageSize)
            .Select(a => new AuditEntryDto(a.Id, a.At, a.UserId, a.Actor, a.Action, a.Target, a.Outcome, a.Reason))
            .ToListAsync(cancellationToken);
    }

    private async Task<AuditLogEntry> NewEntryAsync(
        string action,
        string target,
        string outcome,
        string? reason,
        CancellationToken cancellationToken
    )
    {
        var userId = currentUser.Id;
        var actor = userId is { } id ? await identity.GetEmailAsync(id, cancellationToken) ?? id.ToString() : SystemActor;
        return new AuditLogEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            Actor = Truncate(actor, AuditLogEntry.ActorMaxLength),
            Action = Truncate(action, AuditLogEntry.ActionMaxLength),
            Target = Truncate(target, AuditLogEntry.TargetMaxLength),
            Outcome = Truncate(outcome, AuditLogEntry.OutcomeMaxLength),
            Reason = reason is null ? null : Truncate(reason, AuditLogEntry.ReasonMaxLength),
        };
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
