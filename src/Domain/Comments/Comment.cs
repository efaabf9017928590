using CleanApp.Domain.Articles;
using CleanApp.Domain.Common;
using CleanApp.Domain.Users;

namespace CleanApp.Domain.Comments;

/// <summary>A comment on an article. Its body is never blank; only its author may delete it.</summary>
public sealed class Comment : BaseEntity, IAuditable
{
    private Comment(int articleId, Guid authorId, string body)
    {
        ArticleId = articleId;
        AuthorId = authorId;
        Body = body;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>Navigation for read-side projections.</summary>
    public User Author { get; private set; } = null!;

    public string Body { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When a moderator hid the comment; null while it is public. Only its author still sees it, marked hidden.</summary>
    public DateTime? HiddenAt { get; private set; }

    public static Comment Create(int articleId, Guid authorId, string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new DomainException("body", "can't be blank");
        }

        if (body.Length > ArticleConstraints.CommentBodyMaxLength)
        {
            throw new DomainException("body", $"is too long (maximum is {ArticleConstraints.CommentBodyMaxLength} characters)");
        }

        return new Comment(articleId, authorId, body);
    }

    public bool IsAuthoredBy(Guid userId) => AuthorId == userId;
}
