namespace CleanApp.Application.Articles;

/// <summary>Documented paging bounds for the list and the feed (shared/API.md: out-of-range values are a 422).</summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxOffset = 1_000_000;
}
