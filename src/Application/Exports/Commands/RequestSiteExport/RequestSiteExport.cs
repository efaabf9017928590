using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using CleanApp.Application.Exports.Commands.BuildSiteExport;
using CleanApp.Domain.Exports;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Exports.Commands.RequestSiteExport;

/// <summary>
/// An editor or admin asks for a site report (ADR 0043): the export is recorded as pending and its build job staged in
/// the same unit of work, so either both exist or neither. <c>from</c>/<c>to</c> are UTC days (<c>yyyy-MM-dd</c>), inclusive.
/// </summary>
[Authorize(Roles = Roles.Editor + "," + Roles.Admin)]
public sealed record RequestSiteExportCommand : IRequest<SiteExportDto>
{
    public string? Kind { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Format { get; init; }
}

public sealed class RequestSiteExportCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IIdentityService identity,
    IJobScheduler jobs,
    TimeProvider clock,
    ILogger<RequestSiteExportCommandHandler> logger
) : IRequestHandler<RequestSiteExportCommand, SiteExportDto>
{
    public async Task<SiteExportDto> Handle(RequestSiteExportCommand request, CancellationToken cancellationToken)
    {
        var callerId = currentUser.Id!.Value;
        var role = await identity.IsInRoleAsync(callerId, Roles.Admin) ? Roles.Admin : Roles.Editor;
        var export = SiteExport.Request(
            Guid.NewGuid(),
            request.Kind!,
            ExportDates.Parse(request.From!),
            ExportDates.Parse(request.To!),
            request.Format!,
            callerId,
            role,
            clock.GetUtcNow().UtcDateTime
        );
        db.SiteExports.Add(export);
        jobs.Enqueue(new BuildSiteExportCommand(export.Id));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Site export {ExportId} requested by {UserId} as {Role}", export.Id, callerId, role);
        return SiteExportDto.Of(export);
    }
}
