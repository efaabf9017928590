using System.Linq.Expressions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Profiles;
using CleanApp.Domain.Comments;

namespace CleanApp.Application.Comments;

/// <summary>One statement for any number of comments: the author and "following" come in through a join and a subquery.</summary>
internal static class CommentQueries
{
    public static Expression<Func<Comment, CommentDto>> ToDto(IApplicationDbContext db, Guid? callerId) =>
        c => new CommentDto
        {
            Id = c.Id,
            CreatedAt = c.CreatedAt,
            UpdatedAt = c.UpdatedAt,
            Body = c.Body,
            Author = new ProfileDto
            {
                Username = c.Author.Username,
                Bio = c.Author.Bio,
                Image = c.Author.Image,
                Following = callerId != null && db.Follows.Any(f => f.FollowerId == callerId && f.FolloweeId == c.AuthorId),
            },
        };
}
