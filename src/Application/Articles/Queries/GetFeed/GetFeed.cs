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
        var matches = db
            .Articles.AsNoTracking()
            .Public()
            .Where(a => db.Follows.Any(f => f.FollowerId == callerId && f.FolloweeId == a.AuthorId));
        return ArticleQueries.PageAsync(matches, mapping, callerId, request.Limit, request.Offset, cancellationToken);
    }
}
