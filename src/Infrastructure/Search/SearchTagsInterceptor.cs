using CleanApp.Domain.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanApp.Infrastructure.Search;

/// <summary>
/// Keeps the shadow column <c>Articles.SearchTags</c> (the tag names, space-separated) equal to the article's tags on
/// every save that knows them: a new article, or one loaded with its tags (the only way to change them). The full-text
/// indexes read tags from there, because SQL Server indexes columns of one table only (ADR 0041). Stateless: one
/// instance serves every context.
/// </summary>
public sealed class SearchTagsInterceptor : SaveChangesInterceptor
{
    public const string SearchTags = nameof(SearchTags);

    /// <summary>32 tags of 64 characters and the spaces between them.</summary>
    public const int MaxLength = (ArticleConstraints.MaxTags * (ArticleConstraints.TagMaxLength + 1)) - 1;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Refresh(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    )
    {
        Refresh(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static void Refresh(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<Article>())
        {
            if (entry.State is EntityState.Deleted or EntityState.Detached)
            {
                continue;
            }

            if (entry.State != EntityState.Added && !entry.Collection(a => a.Tags).IsLoaded)
            {
                continue;
            }

            var tags = string.Join(' ', entry.Entity.TagList);
            var column = entry.Property<string>(SearchTags);
            if (!string.Equals(column.CurrentValue, tags, StringComparison.Ordinal))
            {
                column.CurrentValue = tags;
            }
        }
    }
}
