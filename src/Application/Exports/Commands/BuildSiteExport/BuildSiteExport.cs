using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanApp.Application.Exports.Commands.BuildSiteExport;

/// <summary>
/// Builds a requested export's file (ADR 0043): the report is streamed into a temporary file, which becomes the export's
/// file only when complete; then the export is marked ready with its expiry. Idempotent: a ready or vanished export is
/// left alone, and a retry after a crash starts the file again.
/// </summary>
[BackgroundJob("exports.build-site-export", DisplayName = "Build site export {ExportId}", Attempts = 3)]
public sealed record BuildSiteExportCommand(Guid ExportId) : IRequest<Unit>;

public sealed class BuildSiteExportCommandHandler(
    IApplicationDbContext db,
    IExportFiles files,
    TimeProvider clock,
    IOptions<ExportOptions> options,
    ILogger<BuildSiteExportCommandHandler> logger
) : IRequestHandler<BuildSiteExportCommand, Unit>
{
    public async Task<Unit> Handle(BuildSiteExportCommand request, CancellationToken cancellationToken)
    {
        var export = await db.SiteExports.SingleOrDefaultAsync(e => e.Id == request.ExportId, cancellationToken);
        if (export is null || export.Status == Domain.Exports.SiteExportStatus.Ready)
        {
            return Unit.Value;
        }

        var started = clock.GetTimestamp();
        await using (var stream = files.Create(export.Id))
        await using (var writer = SiteReportWriter.For(export.Format, stream))
        {
            await SiteReport.WriteAsync(db, export, writer, cancellationToken);
        }

        await files.CommitAsync(export.Id, cancellationToken);
        export.MarkReady(clock.GetUtcNow().UtcDateTime, options.Value.Lifetime);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Site export {ExportId} ({From} to {To}, {Format}) built in {ElapsedMs} ms",
            export.Id,
            export.From,
            export.To,
            export.Format,
            (long)clock.GetElapsedTime(started).TotalMilliseconds
        );
        return Unit.Value;
    }
}
