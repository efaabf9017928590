using CleanApp.Domain.Moderation;

namespace CleanApp.Application.Moderation;

/// <summary>The API's words for flags: statuses, target types, resolutions.</summary>
public static class FlagStatuses
{
    public const string Open = "open";
    public const string Dismissed = "dismissed";
    public const string Hidden = "hidden";
    public const string Deleted = "deleted";

    /// <summary>Every flag that is no longer open, for <c>GET /api/admin/flags?status=resolved</c>.</summary>
    public const string Resolved = "resolved";

    public const string ArticleTarget = "article";
    public const string CommentTarget = "comment";

    public const int ExcerptLength = 200;

    public static readonly IReadOnlyList<string> Filters = [Open, Resolved];

    /// <summary>The resolutions a moderator can choose: <c>dismiss</c>, <c>hide</c>, <c>delete</c> (comments only).</summary>
    public static readonly IReadOnlyDictionary<string, FlagStatus> Actions = new Dictionary<string, FlagStatus>(StringComparer.Ordinal)
    {
        ["dismiss"] = FlagStatus.Dismissed,
        ["hide"] = FlagStatus.ContentHidden,
        ["delete"] = FlagStatus.ContentDeleted,
    };
}
