namespace CleanApp.Domain.Articles;

/// <summary>
/// Documented bounds for articles, tags and comments (shared/API.md robustness rules): over-long values are refused with
/// a 422, so no single request can store megabytes in an indexed column.
/// </summary>
public static class ArticleConstraints
{
    public const int TitleMaxLength = 256;
    public const int DescriptionMaxLength = 1024;
    public const int BodyMaxLength = 65536;
    public const int TagMaxLength = 64;
    public const int MaxTags = 32;

    /// <summary>A slug is at most the title's length plus a separator and a random suffix.</summary>
    public const int SlugMaxLength = TitleMaxLength + 1 + Slug.SuffixLength;

    public const int CommentBodyMaxLength = 8192;

    /// <summary>How far ahead an article can be scheduled: a bound on <c>publishAt</c> like every other input's.</summary>
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(366);
}
