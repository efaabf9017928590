using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Exports;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Exports.Queries.GetSiteExport;

/// <summary>An export's status and, once ready, its download link; only for the role it was requested as (or an admin).</summary>
[Authorize(Roles = Roles.Editor + "," + Roles.Admin)]
public sealed record GetSiteExportQuery(Guid Id) : IRequest<SiteExportDto>;

public sealed class GetSiteExportQueryHandler(IApplicationDbContext db, ICurrentUser currentUser, IIdentityService identity)
    : IRequestHandler<GetSiteExportQuery, SiteExportDto>
{
    public async Task<SiteExportDto> Handle(GetSiteExportQuery request, CancellationToken cancellationToken) =>
        SiteExportDto.Of(await ExportAccess.FindAsync(db, identity, currentUser.Id!.Value, request.Id, cancellationToken));
}

/// <summary>Who may see an export: its requester's role, or an admin (who can do everything an editor can).</summary>
internal static class ExportAccess
{
    public static async Task<SiteExport> FindAsync(
        IApplicationDbContext db,
        IIdentityService identity,
        Guid callerId,
        Guid exportId,
        CancellationToken cancellationToken
    )
    {
        var export = await db.SiteExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == exportId, cancellationToken)
            ?? throw new NotFoundException("export");
        if (!await identity.IsInRoleAsync(callerId, export.RequesterRole) && !await identity.IsInRoleAsync(callerId, Roles.Admin))
        {
            throw new ForbiddenAccessException("export");
        }

        return export;
    }
}
