using AutoMapper;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Articles;
using CleanApp.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Articles.Queries.ListArticles;

/// <summary>
/// All published articles, most recently published first, optionally filtered by tag, author username and the username of a user who favorited
/// them (filters combine with AND). Unknown values match nothing: an empty page, not a 404.
/// </summary>
public sealed record ListArticlesQuery : IRequest<ArticlesPageDto>
{
    public string? Tag { get; init; }

    public string? Author { get; init; }

    public string? Favorited { get; init; }

    public int Limit { get; init; } = Paging.DefaultLimit;

    public int Offset { get; init; }
}

public sealed class ListArticlesQueryHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<ListArticlesQuery, ArticlesPageDto>
{
    public Task<ArticlesPageDto> Handle(ListArticlesQuery request, CancellationToken cancellationToken)
    {
        var matches = db.Articles.AsNoTracking().ListedFor(currentUser.Id);

        if (!string.IsNullOrEmpty(request.Tag))
        {
            var tag = TagNames.NormalizeFilter(request.Tag);
            matches = matches.Where(a => a.Tags.Any(t => t.Name == tag));
        }

        if (!string.IsNullOrEmpty(request.Author))
        {
            var author = User.Normalize(request.Author);
            matches = matches.Where(a => a.Author.NormalizedUsername == author);
        }

        if (!string.IsNullOrEmpty(request.Favorited))
        {
            var favoritedBy = User.Normalize(request.Favorited);
            matches = matches.Where(a => a.Favorites.Any(f => db.Users.Any(u => u.Id == f.UserId && u.NormalizedUsername == favoritedBy)));
        }

        return ArticleQueries.PageAsync(matches, mapping, currentUser.Id, request.Limit, request.Offset, cancellationToken);
    }
}
