using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Tags.Queries.GetTags;

/// <summary>Every distinct tag in use, sorted ordinally (all of them: a top-N would hide new tags on a busy database).</summary>
public sealed record GetTagsQuery : IRequest<IReadOnlyList<string>>;

public sealed class GetTagsQueryHandler(IApplicationDbContext db) : IRequestHandler<GetTagsQuery, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(GetTagsQuery request, CancellationToken cancellationToken)
    {
        // Tags only a hidden article uses are not in use publicly (the list takes no caller: it is the same for everyone).
        var visible = db.Articles.VisibleTo(callerId: null);
        var names = await db
            .ArticleTags.AsNoTracking()
            .Where(t => visible.Any(a => a.Id == t.ArticleId))
            .Select(t => t.Name)
            .Distinct()
            .ToListAsync(cancellationToken);
        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
