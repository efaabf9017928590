using AutoMapper;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Articles.Queries.GetFeed;

/// <summary>Published articles by the authors the caller follows (never the caller's own), most recently published first.</summary>
[Authorize]
public sealed record GetFeedQuery : IRequest<ArticlesPageDto>
{
    public int Limit { get; init; } = Paging.DefaultLimit;

    public int Offset { get; init; }
}

public sealed class GetFeedQueryHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<GetFeedQuery, ArticlesPageDto>
{
    public Task<ArticlesPageDto> Handle(GetFeedQuery request, CancellationToken cancellationToken)
    {
        var callerId = currentUser.Id!.Value;
        // IN over the caller's followees rather than a correlated EXISTS per article: SQLite then counts through the
        // author index per followed author instead of probing Follows for every article (issue 12).
        var followees = db.Follows.Where(f => f.FollowerId == callerId).Select(f => f.FolloweeId);
        var matches = db.Articles.AsNoTracking().ListedFor(callerId).Where(a => followees.Contains(a.AuthorId));
        return ArticleQueries.PageAsync(matches, mapping, callerId, request.Limit, request.Offset, cancellationToken);
    }
}
