using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Tags.Queries.GetTags;

/// <summary>
/// Every distinct tag of the published articles, sorted ordinally (all of them: a top-N would hide new tags on a busy
/// database). A tag only on drafts stays private to their authors.
/// </summary>
public sealed record GetTagsQuery : IRequest<IReadOnlyList<string>>;

public sealed class GetTagsQueryHandler(IApplicationDbContext db) : IRequestHandler<GetTagsQuery, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(GetTagsQuery request, CancellationToken cancellationToken)
    {
        // Tags only a draft, scheduled or hidden article uses are not in use publicly (the list is the same for everyone).
        var published = db.Articles.Public();
        var names = await db
            .ArticleTags.AsNoTracking()
            .Where(t => published.Any(a => a.Id == t.ArticleId))
            .Select(t => t.Name)
            .Distinct()
            .ToListAsync(cancellationToken);
        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
