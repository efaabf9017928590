using System.Globalization;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Application.Exports.Queries.GetSiteExport;
using CleanApp.Domain.Exports;
using MediatR;

namespace CleanApp.Application.Exports.Queries.GetSiteExportFile;

/// <summary>A ready export's file, opened for streaming (the caller disposes it); 404 while pending or after cleanup.</summary>
[Authorize(Roles = Roles.Editor + "," + Roles.Admin)]
public sealed record GetSiteExportFileQuery(Guid Id) : IRequest<SiteExportFile>;

public sealed record SiteExportFile(Stream Content, string ContentType, string FileName);

public sealed class GetSiteExportFileQueryHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IIdentityService identity,
    IExportFiles files
) : IRequestHandler<GetSiteExportFileQuery, SiteExportFile>
{
    public async Task<SiteExportFile> Handle(GetSiteExportFileQuery request, CancellationToken cancellationToken)
    {
        var export = await ExportAccess.FindAsync(db, identity, currentUser.Id!.Value, request.Id, cancellationToken);
        var content = (export.Status == SiteExportStatus.Ready ? files.OpenRead(export.Id) : null) ?? throw new NotFoundException("file");
        var csv = export.Format == ExportFormats.Csv;
        return new SiteExportFile(
            content,
            csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
            string.Create(CultureInfo.InvariantCulture, $"{export.Kind}-{export.From:yyyy-MM-dd}-{export.To:yyyy-MM-dd}.{export.Format}")
        );
    }
}
