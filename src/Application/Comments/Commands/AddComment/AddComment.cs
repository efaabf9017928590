using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Comments;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Comments.Commands.AddComment;

[Authorize]
public sealed record AddCommentCommand(string Slug, string? Body) : IRequest<CommentDto>;

public sealed class AddCommentCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<AddCommentCommand, CommentDto>
{
    public async Task<CommentDto> Handle(AddCommentCommand request, CancellationToken cancellationToken)
    {
        var authorId = currentUser.Id!.Value;
        var articleId = await ArticleQueries.GetVisibleIdAsync(db, request.Slug, authorId, cancellationToken);

        var comment = Comment.Create(articleId, authorId, request.Body!);
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);

        var id = comment.Id;
        return await db
            .Comments.AsNoTracking()
            .Where(c => c.Id == id)
            .ProjectTo<CommentDto>(mapping, new { callerId = authorId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("comment");
    }
}
