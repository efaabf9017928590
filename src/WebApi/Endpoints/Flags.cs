using System.Globalization;
using CleanApp.Application.Moderation;
using CleanApp.Application.Moderation.Commands.FlagArticle;
using CleanApp.Application.Moderation.Commands.FlagComment;
using CleanApp.WebApi.Common;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>Reporting content for moderation: <c>/api/articles/{slug}/flags</c> and <c>/api/articles/{slug}/comments/{id}/flags</c>.</summary>
public sealed class Flags : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles/{slug}").WithTags("Moderation").RequireAuthorization();
        articles
            .MapPost("/flags", FlagArticle)
            .WithName("FlagArticle")
            .WithSummary("Report an article to the moderators (one open flag per user and article)")
            .WithDescription("422 `flag` for your own article; 409 `flag` → `is already open for this content` for a second open flag.")
            .AcceptsJson<FlagRequest<FlagFields>>()
            .Produces<FlagResponse>(StatusCodes.Status201Created)
            .ProducesFlagErrors();

        // {id} is bound as text: a non-numeric id is an unknown comment (404 "comment"), as on DELETE.
        articles
            .MapPost("/comments/{id}/flags", FlagComment)
            .WithName("FlagComment")
            .WithSummary("Report a comment to the moderators (one open flag per user and comment)")
            .WithDescription("422 `flag` for your own comment; 409 `flag` → `is already open for this content` for a second open flag.")
            .AcceptsJson<FlagRequest<FlagFields>>()
            .Produces<FlagResponse>(StatusCodes.Status201Created)
            .ProducesFlagErrors();
    }

    private static async Task<IResult> FlagArticle(string slug, HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        var fields = await body.ReadAsync<FlagFields>(request, "flag", ct);
        var flag = await sender.Send(new FlagArticleCommand(slug) { Reason = fields.Reason }, ct);
        return TypedResults.Json(new FlagResponse(flag), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> FlagComment(
        string slug,
        string id,
        HttpRequest request,
        JsonBody body,
        IMediator sender,
        CancellationToken ct
    )
    {
        var fields = await body.ReadAsync<FlagFields>(request, "flag", ct);
        var flag = await sender.Send(new FlagCommentCommand(slug, Ids.Parse(id)) { Reason = fields.Reason }, ct);
        return TypedResults.Json(new FlagResponse(flag), statusCode: StatusCodes.Status201Created);
    }
}

/// <summary>The body of a new flag: why the content breaks the rules.</summary>
public sealed record FlagFields(string? Reason);

public sealed record FlagRequest<T>(T Flag);

public sealed record FlagResponse(FlagDto Flag);

public sealed record FlagsResponse(IReadOnlyList<FlagDto> Flags, int FlagsCount);

internal static class FlagEndpointExtensions
{
    public static RouteHandlerBuilder ProducesFlagErrors(this RouteHandlerBuilder builder) =>
        builder.ProducesApiErrors(
            StatusCodes.Status400BadRequest,
            StatusCodes.Status401Unauthorized,
            StatusCodes.Status404NotFound,
            StatusCodes.Status409Conflict,
            StatusCodes.Status413PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType,
            StatusCodes.Status422UnprocessableEntity
        );
}

/// <summary>Integer ids in paths are bound as text: anything that is not a positive integer names nothing (0 never exists).</summary>
internal static class Ids
{
    public static int Parse(string id) => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
}
