using CleanApp.Application.Articles;
using CleanApp.Application.Articles.Commands.CreateArticle;
using CleanApp.Application.Articles.Commands.DeleteArticle;
using CleanApp.Application.Articles.Commands.PublishArticle;
using CleanApp.Application.Articles.Commands.UnpublishArticle;
using CleanApp.Application.Articles.Commands.UpdateArticle;
using CleanApp.Application.Articles.Queries.GetArticle;
using CleanApp.Application.Articles.Queries.GetFeed;
using CleanApp.Application.Articles.Queries.ListArticles;
using CleanApp.Application.Articles.Queries.ListOwnArticles;
using CleanApp.Application.Common.Models;
using CleanApp.WebApi.Common;
using CleanApp.WebApi.OpenApi;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>
/// Articles: <c>/api/articles</c>, the feed, one article by slug, publishing, and the author's own list
/// (<c>/api/user/articles</c>). Only create and update read a body.
/// </summary>
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
            .WithSummary("Published articles, most recently published first, filtered by `tag`, `author` and `favorited` (AND)")
            .WithDescription("List items have no `body`. `articlesCount` is the total number of matches. " + PagingHelp)
            .WithOptionalAuthentication()
            .Produces<ArticlesResponse>()
            .ProducesApiErrors(StatusCodes.Status422UnprocessableEntity);
        articles
            .MapGet("/feed", Feed)
            .WithName("GetFeed")
            .WithSummary("Published articles by the authors the caller follows, most recently published first")
            .WithDescription(PagingHelp)
            .RequireAuthorization()
            .Produces<ArticlesResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity);
        articles
            .MapGet("/{slug}", Get)
            .WithName("GetArticle")
            .WithSummary("One article by slug")
            .WithDescription("Drafts and scheduled articles are visible to their author only; anyone else gets 404.")
            .WithOptionalAuthentication()
            .Produces<ArticleResponse>()
            .ProducesApiErrors(StatusCodes.Status404NotFound);
        articles
            .MapPost("/", Create)
            .WithName("CreateArticle")
            .WithSummary("Write an article: published at once, or a draft, or scheduled; duplicate titles get distinct slugs")
            .WithDescription(
                "Optional `status`: `draft`, `scheduled` (with `publishAt`) or `published` (the default). Optional `publishAt`: "
                    + "an ISO-8601 time with a zone (e.g. `2026-05-01T09:30:00Z`), in the future and at most "
                    + "366 days ahead; the article is published then by a background job, and the author's followers are emailed. "
                    + "Responses carry `status`, `publishedAt` and `publishAt`."
            )
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
            .WithDescription(
                "Before publication, `status` (`draft`, `scheduled`, `published`) and `publishAt` reschedule, return to draft or "
                    + "publish now (a pending scheduled publication is cancelled); once published, use `/unpublish`. "
                    + "`publishAt: null` is a 422."
            )
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
        articles
            .MapPost("/{slug}/publish", Publish)
            .WithName("PublishArticle")
            .WithSummary("Publish a draft or scheduled article now (author only); followers are emailed")
            .WithDescription("A pending scheduled publication is cancelled. Publishing a published article changes nothing.")
            .RequireAuthorization()
            .Produces<ArticleResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        articles
            .MapPost("/{slug}/unpublish", Unpublish)
            .WithName("UnpublishArticle")
            .WithSummary("Take an article back to draft (its author, or an editor or admin)")
            .WithDescription(
                "A published article leaves every public read; a scheduled one is never published (its job is cancelled). "
                    + "Editors and admins can unpublish published articles of anyone."
            )
            .RequireAuthorization()
            .Produces<ArticleResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        app.MapGet("/api/user/articles", ListOwn)
            .WithTags("Articles")
            .WithName("ListOwnArticles")
            .WithSummary("The caller's own articles in every state, or in one (`status`: `draft`, `scheduled`, `published`)")
            .WithDescription("Items carry `status`, `publishedAt` and `publishAt`. " + PagingHelp)
            .RequireAuthorization()
            .Produces<ArticlesResponse>()
            .ProducesApiErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity);
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

    private static async Task<IResult> ListOwn(string? status, string? limit, string? offset, IMediator sender, CancellationToken ct)
    {
        var query = new ListOwnArticlesQuery
        {
            // Like the list's filters: an empty value filters nothing.
            Status = string.IsNullOrEmpty(status) ? null : status,
            Limit = QueryValues.Integer(limit, "limit", Paging.DefaultLimit),
            Offset = QueryValues.Integer(offset, "offset", 0),
        };
        return TypedResults.Ok(ArticlesResponse.From(await sender.Send(query, ct)));
    }

    private static async Task<IResult> Publish(string slug, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new ArticleResponse(await sender.Send(new PublishArticleCommand(slug), ct)));

    private static async Task<IResult> Unpublish(string slug, IMediator sender, CancellationToken ct) =>
        TypedResults.Ok(new ArticleResponse(await sender.Send(new UnpublishArticleCommand(slug), ct)));

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
            Status = fields.Status,
            PublishAt = fields.PublishAt,
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

    public Optional<string?> Status { get; init; }

    public Optional<string?> PublishAt { get; init; }
}

public sealed record ArticleRequest<T>(T Article);

public sealed record ArticleResponse(ArticleDto Article);

public sealed record ArticlesResponse(IReadOnlyList<ArticleListItemDto> Articles, int ArticlesCount)
{
    public static ArticlesResponse From(ArticlesPageDto page) => new(page.Articles, page.ArticlesCount);
}
