using CleanApp.Domain.Comments;

namespace CleanApp.Application.Comments;

/// <summary>A comment a moderator hid is shown to its author only, marked hidden (the article's own rule is ArticleVisibility).</summary>
public static class CommentVisibility
{
    public static IQueryable<Comment> VisibleTo(this IQueryable<Comment> comments, Guid? callerId) =>
        comments.Where(c => c.HiddenAt == null || (callerId != null && c.AuthorId == callerId));
}
