using System.Globalization;
using CleanApp.Application.Comments;
using CleanApp.Application.Comments.Commands.AddComment;
using CleanApp.Application.Comments.Commands.DeleteComment;
using CleanApp.Application.Comments.Queries.GetComments;
using CleanApp.WebApi.Common;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>Comments: <c>/api/articles/{slug}/comments</c>. Only adding one reads a body.</summary>
public sealed class Comments : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var comments = app.MapGroup("/api/articles/{slug}/comments").WithTags("Comments");
        comments
            .MapGet("/", List)
            .WithName("GetComments")
            .WithSummary("All comments of an article, newest first")
            .WithOptionalAuthentication()
            .Produces<CommentsResponse>()
            .ProducesApiErrors(StatusCodes.Status404NotFound);
        comments
            .MapPost("/", Add)
            .WithName("AddComment")
            .WithSummary("Comment on an article")
            .RequireAuthorization()
            .AcceptsJson<CommentRequest<NewCommentFields>>("""{"comment":{"body":"Thank you so much!"}}""")
            .Produces<CommentResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status404NotFound,
                StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity
            );

        // {id} is bound as text: a non-numeric id is simply an unknown comment (404 "comment"), not a routing miss. The
        // document types it as the integer it is by convention (OperationRulesFilter: route {id} is 1..2^31-1).
        comments
            .MapDelete("/{id}", Delete)
            .WithName("DeleteComment")
            .WithSummary("Delete a comment (its author only)")
            .RequireAuthorization()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> List(string slug, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new CommentsResponse(await sender.Send(new GetCommentsQuery(slug), ct)));

    private static async Task<IResult> Add(string slug, HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        var fields = await body.ReadAsync<NewCommentFields>(request, "comment", ct);
        var comment = await sender.Send(new AddCommentCommand(slug, fields.Body), ct);
        return TypedResults.Json(new CommentResponse(comment), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Delete(string slug, string id, IMediator sender, CancellationToken ct)
    {
        var commentId = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        await sender.Send(new DeleteCommentCommand(slug, commentId), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of POST /api/articles/{slug}/comments; the slug comes from the route.</summary>
public sealed record NewCommentFields(string? Body);

public sealed record CommentRequest<T>(T Comment);

public sealed record CommentResponse(CommentDto Comment);

public sealed record CommentsResponse(IReadOnlyList<CommentDto> Comments);
