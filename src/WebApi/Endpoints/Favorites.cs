using CleanApp.Application.Favorites.Commands.FavoriteArticle;
using CleanApp.Application.Favorites.Commands.UnfavoriteArticle;
using CleanApp.WebApi.Common;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>Favorites: <c>/api/articles/{slug}/favorite</c>. No body is read; both verbs are idempotent.</summary>
public sealed class Favorites : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var favorite = app.MapGroup("/api/articles/{slug}/favorite").WithTags("Favorites").RequireAuthorization();
        favorite
            .MapPost("/", Favorite)
            .WithName("FavoriteArticle")
            .WithSummary("Favorite an article (idempotent)")
            .Produces<ArticleResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
        favorite
            .MapDelete("/", Unfavorite)
            .WithName("UnfavoriteArticle")
            .WithSummary("Remove a favorite (idempotent)")
            .Produces<ArticleResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Favorite(string slug, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new ArticleResponse(await sender.Send(new FavoriteArticleCommand(slug), ct)));

    private static async Task<IResult> Unfavorite(string slug, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new ArticleResponse(await sender.Send(new UnfavoriteArticleCommand(slug), ct)));
}
