using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.Auditing;

/// <summary>Writes through its own short-lived context, so an entry is stored even when the caller's unit of work is not saved.</summary>
public sealed class AuditLog(IServiceScopeFactory scopes, ICurrentUser currentUser, IIdentityService identity, TimeProvider clock)
    : IAuditLog
{
    public async Task WriteAsync(string action, string target, string outcome, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        var actor = userId is { } id ? await identity.GetEmailAsync(id, cancellationToken) ?? id.ToString() : "system";
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.Set<AuditLogEntry>()
            .Add(
                new AuditLogEntry
                {
                    At = clock.GetUtcNow().UtcDateTime,
                    UserId = userId,
                    Actor = Truncate(actor, 256),
                    Action = Truncate(action, 100),
                    Target = Truncate(target, 300),
                    Outcome = Truncate(outcome, 500),
                }
            );
        await db.SaveChangesAsync(cancellationToken);
    }

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
            .Select(a => new AuditEntryDto(a.Id, a.At, a.UserId, a.Actor, a.Action, a.Target, a.Outcome))
            .ToListAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
