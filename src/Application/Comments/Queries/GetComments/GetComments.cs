using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Comments.Queries.GetComments;

/// <summary>All comments of an article, newest first; anyone who may see the article may read them.</summary>
public sealed record GetCommentsQuery(string Slug) : IRequest<IReadOnlyList<CommentDto>>;

public sealed class GetCommentsQueryHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<GetCommentsQuery, IReadOnlyList<CommentDto>>
{
    public async Task<IReadOnlyList<CommentDto>> Handle(GetCommentsQuery request, CancellationToken cancellationToken)
    {
        var articleId = await ArticleQueries.GetVisibleIdAsync(db, request.Slug, currentUser.Id, cancellationToken);
        return await db
            .Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId)
            .OrderByDescending(c => c.CreatedAt)
            .ThenByDescending(c => c.Id)
            .ProjectTo<CommentDto>(mapping, new { callerId = currentUser.Id })
            .ToListAsync(cancellationToken);
    }
}
