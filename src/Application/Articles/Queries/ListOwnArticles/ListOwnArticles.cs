using AutoMapper;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Articles.Queries.ListOwnArticles;

/// <summary>
/// The caller's own articles in every state, or in one (<c>status</c>), with their status and times: the author's
/// desk. Newest first by publication time, else scheduled time, else creation time.
/// </summary>
[Authorize]
public sealed record ListOwnArticlesQuery : IRequest<ArticlesPageDto>
{
    public string? Status { get; init; }

    public int Limit { get; init; } = Paging.DefaultLimit;

    public int Offset { get; init; }
}

public sealed class ListOwnArticlesQueryHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<ListOwnArticlesQuery, ArticlesPageDto>
{
    public Task<ArticlesPageDto> Handle(ListOwnArticlesQuery request, CancellationToken cancellationToken)
    {
        var callerId = currentUser.Id!.Value;
        var matches = db.Articles.AsNoTracking().Where(a => a.AuthorId == callerId);
        matches = request.Status switch
        {
            ArticleStatuses.Draft => matches.Where(a => a.PublishedAt == null && a.PublishAt == null),
            ArticleStatuses.Scheduled => matches.Where(a => a.PublishedAt == null && a.PublishAt != null),
            ArticleStatuses.Published => matches.Where(a => a.PublishedAt != null),
            _ => matches,
        };

        return ArticleQueries.PageAsync(matches, mapping, callerId, request.Limit, request.Offset, cancellationToken, newestFirst: q =>
            q.OrderByDescending(a => a.PublishedAt ?? a.PublishAt ?? a.CreatedAt).ThenByDescending(a => a.Id)
        );
    }
}
