using CleanApp.Application.Exports;
using CleanApp.Application.Exports.Commands.RequestSiteExport;
using CleanApp.Application.Exports.Queries.GetSiteExport;
using CleanApp.Application.Exports.Queries.GetSiteExportFile;
using CleanApp.WebApi.Common;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>
/// Site exports: <c>/api/admin/exports</c> (ADR 0043), editors and admins only. A request answers 202 at once; a
/// background job builds the file; the status shows a download link when ready; the file is streamed from disk.
/// </summary>
public sealed class AdminExports : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("/api/admin/exports").WithTags("Exports").RequireAuthorization();
        exports
            .MapPost("/", Request)
            .WithName("RequestSiteExport")
            .WithSummary("Request a site report (editors and admins): built in the background, 202 with its id")
            .WithDescription(
                "`kind`: `site-stats`; `from`/`to`: UTC days as `yyyy-MM-dd`, inclusive, at most 731 days; `format`: `csv` or "
                    + "`json`. Contents: per day new accounts, articles published, comments, favorites; the top 20 authors by "
                    + "favorites received and the top 20 tags of the period. CSV is `section,key,metric,value`, text fields "
                    + "neutralised against spreadsheet formulas."
            )
            .AcceptsJson<ExportRequest>()
            .Produces<ExportResponse>(StatusCodes.Status202Accepted)
            .ProducesApiErrors(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity
            );
        exports
            .MapGet("/{id:guid}", Get)
            .WithName("GetSiteExport")
            .WithSummary("An export's status (`pending` or `ready`) and, when ready, its `downloadUrl` and `expiresAt`")
            .Produces<ExportResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        exports
            .MapGet("/{id:guid}/file", Download)
            .WithName("DownloadSiteExport")
            .WithSummary("The export's file, streamed (404 until ready and after it expires)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Request(HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        var command = await body.ReadAsync<RequestSiteExportCommand>(request, "export", ct);
        var export = await sender.Send(command, ct);
        return TypedResults.Json(new ExportResponse(export), statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> Get(Guid id, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new ExportResponse(await sender.Send(new GetSiteExportQuery(id), ct)));

    private static async Task<IResult> Download(Guid id, IMediator sender, CancellationToken ct)
    {
        var file = await sender.Send(new GetSiteExportFileQuery(id), ct);
        return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
    }
}

public sealed record ExportRequest(RequestSiteExportCommand Export);

public sealed record ExportResponse(SiteExportDto Export);
