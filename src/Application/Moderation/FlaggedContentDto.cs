namespace CleanApp.Application.Moderation;

/// <summary>What a flag is about: an article, or a comment on one, with enough to judge it without opening it.</summary>
public sealed record FlaggedContentDto
{
    /// <summary><c>article</c> or <c>comment</c>.</summary>
    public string Type { get; init; } = FlagStatuses.ArticleTarget;

    public string Slug { get; init; } = string.Empty;

    public string Title { get; init; } = string.Empty;

    /// <summary>The comment's id; null for an article.</summary>
    public int? CommentId { get; init; }

    /// <summary>The first <see cref="FlagStatuses.ExcerptLength"/> characters of the body; null when the comment is gone.</summary>
    public string? Excerpt { get; init; }

    /// <summary>The author's username; null when the comment is gone.</summary>
    public string? Author { get; init; }

    public bool Hidden { get; init; }
}
