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
        var names = await db.ArticleTags.AsNoTracking().Select(t => t.Name).Distinct().ToListAsync(cancellationToken);
        names.Sort(StringComparer.Ordinal);
        return names;
    }
}
