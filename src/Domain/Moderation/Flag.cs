using CleanApp.Domain.Articles;
using CleanApp.Domain.Common;
using CleanApp.Domain.Users;

namespace CleanApp.Domain.Moderation;

public enum FlagTarget
{
    Article = 1,
    Comment = 2,
}

/// <summary>Open until a moderator resolves it; the resolution says what happened to the content.</summary>
public enum FlagStatus
{
    Open = 0,
    Dismissed = 1,
    ContentHidden = 2,
    ContentDeleted = 3,
}

/// <summary>
/// A signed-in user's report that an article or a comment breaks the rules. A user has at most one open flag per target
/// (a unique index on open flags is the arbiter) and never flags their own content. A flag on a comment also names the
/// comment's article, so deleting the article removes its flags with it.
/// </summary>
public sealed class Flag : IAuditable
{
    private Flag(FlagTarget target, int articleId, int? commentId, Guid reporterId, string reason)
    {
        Target = target;
        ArticleId = articleId;
        CommentId = commentId;
        ReporterId = reporterId;
        Reason = reason;
    }

    public int Id { get; private set; }

    public FlagTarget Target { get; private set; }

    public int ArticleId { get; private set; }

    /// <summary>Navigation for read-side projections (the moderators' queue); commands use <see cref="ArticleId"/>.</summary>
    public Article Article { get; private set; } = null!;

    /// <summary>The flagged comment (null for an article). Not a foreign key: resolved flags outlive a deleted comment.</summary>
    public int? CommentId { get; private set; }

    public Guid ReporterId { get; private set; }

    /// <summary>Navigation for read-side projections.</summary>
    public User Reporter { get; private set; } = null!;

    public string Reason { get; private set; }

    public FlagStatus Status { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public Guid? ResolvedById { get; private set; }

    /// <summary>The moderator's reason, when they gave one.</summary>
    public string? Resolution { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public static Flag OnArticle(int articleId, Guid articleAuthorId, Guid reporterId, string reason) =>
        new(FlagTarget.Article, articleId, null, RequireNotOwn(articleAuthorId, reporterId), RequireReason(reason));

    public static Flag OnComment(int articleId, int commentId, Guid commentAuthorId, Guid reporterId, string reason) =>
        new(FlagTarget.Comment, articleId, commentId, RequireNotOwn(commentAuthorId, reporterId), RequireReason(reason));

    public void Resolve(FlagStatus outcome, Guid moderatorId, string? resolution, DateTime now)
    {
        if (outcome == FlagStatus.Open)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "a resolution closes the flag");
        }

        if (Status != FlagStatus.Open)
        {
            throw new DomainException("flag", "is already resolved");
        }

        if (outcome == FlagStatus.ContentDeleted && Target != FlagTarget.Comment)
        {
            throw new DomainException("action", "delete applies to comments only (hide an article instead)");
        }

        if (resolution?.Length > UserConstraints.ReasonMaxLength)
        {
            throw new DomainException("reason", $"is too long (maximum is {UserConstraints.ReasonMaxLength} characters)");
        }

        Status = outcome;
        ResolvedById = moderatorId;
        Resolution = string.IsNullOrWhiteSpace(resolution) ? null : resolution;
        ResolvedAt = now;
    }

    private static Guid RequireNotOwn(Guid authorId, Guid reporterId) =>
        authorId == reporterId ? throw new DomainException("flag", "can't be raised on your own content") : reporterId;

    private static string RequireReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("reason", "can't be blank");
        }

        if (reason.Length > UserConstraints.ReasonMaxLength)
        {
            throw new DomainException("reason", $"is too long (maximum is {UserConstraints.ReasonMaxLength} characters)");
        }

        return reason;
    }
}
