namespace CleanApp.Domain.Articles;

/// <summary>
/// A user's favorite of an article. The pair is the key, so favoriting twice cannot create a second row; the article's
/// favorites count is the number of these rows, never a stored counter that concurrent requests could corrupt.
/// </summary>
public sealed class Favorite
{
    private Favorite(int articleId, Guid userId)
    {
        ArticleId = articleId;
        UserId = userId;
    }

    public int ArticleId { get; private set; }

    public Guid UserId { get; private set; }

    public static Favorite Create(int articleId, Guid userId) => new(articleId, userId);
}
