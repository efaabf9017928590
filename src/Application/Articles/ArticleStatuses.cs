using CleanApp.Domain.Articles;

namespace CleanApp.Application.Articles;

/// <summary>The wire spelling of <see cref="ArticleStatus"/> in requests and responses.</summary>
public static class ArticleStatuses
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Published = "published";

    public static readonly IReadOnlyList<string> All = [Draft, Scheduled, Published];

    public static string OneOf { get; } = $"must be one of {string.Join(", ", All)}";
}
