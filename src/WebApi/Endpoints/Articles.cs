using CleanApp.Application.Articles;
using CleanApp.Application.Articles.Commands.CreateArticle;
using CleanApp.Application.Articles.Commands.DeleteArticle;
using CleanApp.Application.Articles.Commands.UpdateArticle;
using CleanApp.Application.Articles.Queries.GetArticle;
using CleanApp.Application.Articles.Queries.GetFeed;
using CleanApp.Application.Articles.Queries.ListArticles;
using CleanApp.Application.Common.Models;
using CleanApp.WebApi.Common;
using CleanApp.WebApi.OpenApi;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>Articles: <c>/api/articles</c>, the feed, and one article by slug. Only create and update read a body.</summary>
public sealed class Articles : IEndpointGroup
{
    private static readonly string PagingHelp =
        $"`limit` (1-{Paging.MaxLimit}, default {Paging.DefaultLimit}) and `offset` (0-{Paging.MaxOffset}, default 0); anything else is a 422.";

    public void Map(IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/articles").WithTags("Articles");
        articles
            .MapGet("/", List)
            .WithName("ListArticles")
            .WithSummary("Articles, newest first, filtered by `tag`, `author` and `favorited` (AND)")
            .WithDescription("List items have no `body`. `articlesCount` is the total number of matches. " + PagingHelp)
            .WithOptionalAuthentication()
            .Produces<ArticlesResponse>()
            .ProducesApiErrors(StatusCodes.Status422UnprocessableEntity);
        articles
            .MapGet("/feed", Feed)
            .WithName("GetFeed")
            .WithSummary("Articles by the authors the caller follows, newest first")
            .WithDescription(PagingHelp)
            .RequireAuthorization()
            .Produces<ArticlesResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity);
        articles
            .MapGet("/{slug}", Get)
            .WithName("GetArticle")
            .WithSummary("One article by slug")
            .WithOptionalAuthentication()
            .Produces<ArticleResponse>()
            .ProducesApiErrors(StatusCodes.Status404NotFound);
        articles
            .MapPost("/", Create)
            .WithName("CreateArticle")
            .WithSummary("Publish an article; duplicate titles get distinct slugs")
            .RequireAuthorization()
            .AcceptsJson<ArticleRequest<CreateArticleCommand>>(
                """{"article":{"title":"How to train your dragon","description":"Ever wonder how?","body":"You have to believe","tagList":["dragons","training"]}}"""
            )
            .Produces<ArticleResponse>(StatusCodes.Status201Created)
            .ProducesApiErrors(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity
            );
        articles
            .MapPut("/{slug}", Update)
            .WithName("UpdateArticle")
            .WithSummary("Partial update by the author; a new title regenerates the slug")
            .RequireAuthorization()
            .AcceptsJson<ArticleRequest<UpdateArticleFields>>("""{"article":{"body":"With two hands"}}""")
            .Produces<ArticleResponse>()
            .ProducesApiErrors(
                StatusCodes.Status400BadRequest,
                StatusCodes.Status401Unauthorized,
                StatusCodes.Status403Forbidden,
                StatusCodes.Status404NotFound,
                StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity
            );
        articles
            .MapDelete("/{slug}", Delete)
            .WithName("DeleteArticle")
            .WithSummary("Delete an article (author only) with its comments and favorites")
            .RequireAuthorization()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> List(
        string? tag,
        string? author,
        string? favorited,
        [IntegerParameter(Minimum = 1, Maximum = Paging.MaxLimit, Default = Paging.DefaultLimit)] string? limit,
        [IntegerParameter(Minimum = 0, Maximum = Paging.MaxOffset, Default = 0)] string? offset,
        IMediator sender,
        CancellationToken ct
    )
    {
        var query = new ListArticlesQuery
        {
            Tag = tag,
            Author = author,
            Favorited = favorited,
            Limit = QueryValues.Integer(limit, "limit", Paging.DefaultLimit),
            Offset = QueryValues.Integer(offset, "offset", 0),
        };
        return TypedResults.Ok(ArticlesResponse.From(await sender.Send(query, ct)));
    }

    private static async Task<IResult> Feed(
        [IntegerParameter(Minimum = 1, Maximum = Paging.MaxLimit, Default = Paging.DefaultLimit)] string? limit,
        [IntegerParameter(Minimum = 0, Maximum = Paging.MaxOffset, Default = 0)] string? offset,
        IMediator sender,
        CancellationToken ct
    )
    {
        var query = new GetFeedQuery
        {
            Limit = QueryValues.Integer(limit, "limit", Paging.DefaultLimit),
            Offset = QueryValues.Integer(offset, "offset", 0),
        };
        return TypedResults.Ok(ArticlesResponse.From(await sender.Send(query, ct)));
    }

    private static async Task<IResult> Get(string slug, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new ArticleResponse(await sender.Send(new GetArticleQuery(slug), ct)));

    private static async Task<IResult> Create(HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        var command = await body.ReadAsync<CreateArticleCommand>(request, "article", ct);
        var article = await sender.Send(command, ct);
        return TypedResults.Json(new ArticleResponse(article), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> Update(string slug, HttpRequest request, JsonBody body, IMediator sender, CancellationToken ct)
    {
        var fields = await body.ReadAsync<UpdateArticleFields>(request, "article", ct);
        var command = new UpdateArticleCommand(slug)
        {
            Title = fields.Title,
            Description = fields.Description,
            Body = fields.Body,
            TagList = fields.TagList,
        };
        return TypedResults.Ok(new ArticleResponse(await sender.Send(command, ct)));
    }

    private static async Task<IResult> Delete(string slug, IMediator sender, CancellationToken ct)
    {
        await sender.Send(new DeleteArticleCommand(slug), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The body of PUT /api/articles/{slug}: every key optional, the slug comes from the route.</summary>
public sealed record UpdateArticleFields
{
    public Optional<string?> Title { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<string?> Body { get; init; }

    public Optional<IReadOnlyList<string?>?> TagList { get; init; }
}

public sealed record ArticleRequest<T>(T Article);

public sealed record ArticleResponse(ArticleDto Article);

public sealed record ArticlesResponse(IReadOnlyList<ArticleListItemDto> Articles, int ArticlesCount)
{
    public static ArticlesResponse From(ArticlesPageDto page) => new(page.Articles, page.ArticlesCount);
}
