namespace CleanApp.Domain.Articles;

/// <summary>Where an article is in its publication workflow (ADR 0040); derived from its publication times.</summary>
public enum ArticleStatus
{
    Draft,
    Scheduled,
    Published,
}
