using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Exports.Commands.DeleteExpiredExports;

/// <summary>
/// The recurring cleanup (ADR 0043): exports past their expiry lose their file, then their row. Files first, so a crash
/// in between leaves a row without a file (answered 404), never a file nobody can reach.
/// </summary>
[BackgroundJob("exports.delete-expired", DisplayName = "Delete expired site exports")]
public sealed record DeleteExpiredExportsCommand : IRequest<Unit>;

public sealed class DeleteExpiredExportsCommandHandler(
    IApplicationDbContext db,
    IExportFiles files,
    TimeProvider clock,
    ILogger<DeleteExpiredExportsCommandHandler> logger
) : IRequestHandler<DeleteExpiredExportsCommand, Unit>
{
    public async Task<Unit> Handle(DeleteExpiredExportsCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.SiteExports.Where(e => e.ExpiresAt < now).Select(e => e.Id).ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            files.Delete(id);
        }

        var deleted = await db.SiteExports.Where(e => expired.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Deleted {Count} expired site exports", deleted);
        return Unit.Value;
    }
}
