using CleanApp.Application.Articles;
using CleanApp.Application.Search;
using CleanApp.Application.Search.Queries.SearchArticles;
using CleanApp.WebApi.Common;
using MediatR;

namespace CleanApp.WebApi.Endpoints;

/// <summary>Search: <c>/api/search</c>, full-text search over the published articles (ADR 0041). A token is optional.</summary>
public sealed class Search : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/search")
            .WithTags("Search")
            .MapGet("/", Get)
            .WithName("SearchArticles")
            .WithSummary("Full-text search over published articles: every word of `q` must match, most relevant first")
            .WithDescription(
                $"`q`: up to {SearchWords.MaxQueryLength} characters and {SearchWords.MaxWords} words; words are runs of letters and "
                    + "digits, everything else only separates them (no operators, no wildcards). Title matches rank highest, then tags, "
                    + "description, body. Optional `tag` and `author` filters (AND). Items have the list shape plus `highlight`: an HTML "
                    + "fragment, the excerpt escaped with each matched word in `<mark>`. "
                    + $"`limit` (1-{Paging.MaxLimit}, default {Paging.DefaultLimit}) and `offset` (0-{Paging.MaxOffset}); "
                    + "a blank `q`, one without words or with invalid text is a 422."
            )
            .WithOptionalAuthentication()
            .Produces<SearchResponse>()
            .ProducesApiErrors(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> Get(
        string? q,
        string? tag,
        string? author,
        string? limit,
        string? offset,
        IMediator sender,
        CancellationToken ct
    )
    {
        var query = new SearchArticlesQuery
        {
            Q = q,
            Tag = tag,
            Author = author,
            Limit = QueryValues.Integer(limit, "limit", Paging.DefaultLimit),
            Offset = QueryValues.Integer(offset, "offset", 0),
        };
        var page = await sender.Send(query, ct);
        return TypedResults.Ok(new SearchResponse(page.Articles, page.ArticlesCount));
    }
}

public sealed record SearchResponse(IReadOnlyList<ArticleSearchResultDto> Articles, int ArticlesCount);
