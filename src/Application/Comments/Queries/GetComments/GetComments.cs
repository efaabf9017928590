using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Comments.Queries.GetComments;

/// <summary>
/// All comments of an article, newest first; anyone may read them. A hidden comment (or article) is shown to its author
/// only, marked hidden (<see cref="CommentVisibility"/>, <see cref="ArticleVisibility"/>).
/// </summary>
public sealed record GetCommentsQuery(string Slug) : IRequest<IReadOnlyList<CommentDto>>;

public sealed class GetCommentsQueryHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<GetCommentsQuery, IReadOnlyList<CommentDto>>
{
    public async Task<IReadOnlyList<CommentDto>> Handle(GetCommentsQuery request, CancellationToken cancellationToken)
    {
        var callerId = currentUser.Id;
        var articleId = await ArticleQueries.GetVisibleIdAsync(db, request.Slug, callerId, cancellationToken);
        return await db
            .Comments.AsNoTracking()
            .VisibleTo(callerId)
            .Where(c => c.ArticleId == articleId)
            .OrderByDescending(c => c.CreatedAt)
            .ThenByDescending(c => c.Id)
            .ProjectTo<CommentDto>(mapping, new { callerId })
            .ToListAsync(cancellationToken);
    }
}
