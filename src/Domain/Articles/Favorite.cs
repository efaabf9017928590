namespace CleanApp.Domain.Articles;

/// <summary>
/// A user's favorite of an article. The pair is the key, so favoriting twice cannot create a second row; the article's
/// favorites count is the number of these rows, never a stored counter that concurrent requests could corrupt.
/// </summary>
public sealed class Favorite
{
    private Favorite(int articleId, Guid userId, DateTime createdAt)
    {
        ArticleId = articleId;
        UserId = userId;
        CreatedAt = createdAt;
    }

    public int ArticleId { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>
    /// When the user favorited the article (UTC), for the site reports' favorites per day. Favorites made before this was
    /// recorded carry the earliest time they can have been made (the migration's estimate, ADR 0042).
    /// </summary>
    public DateTime CreatedAt { get; private set; }

    public static Favorite Create(int articleId, Guid userId, DateTime createdAt) =>
        new(articleId, userId, new DateTime(createdAt.Ticks - (createdAt.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc));
}
