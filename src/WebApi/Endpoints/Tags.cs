using CleanApp.Application.Tags.Queries.GetTags;
using CleanApp.WebApi.Common;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>Tags: <c>/api/tags</c>, every tag in use. Anonymous; a token is ignored.</summary>
public sealed class Tags : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/tags")
            .WithTags("Tags")
            .MapGet("/", Get)
            .WithName("GetTags")
            .WithSummary("Every distinct tag in use, sorted")
            .Produces<TagsResponse>();

    private static async Task<IResult> Get(IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new TagsResponse(await sender.Send(new GetTagsQuery(), ct)));
}

public sealed record TagsResponse(IReadOnlyList<string> Tags);
