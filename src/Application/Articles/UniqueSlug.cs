using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Articles;

/// <summary>
/// Saves an article whose slug may clash. The bare title slug is kept when free; otherwise a short random suffix is
/// added. Two requests can still pick the same slug at the same moment, so the unique index on <c>Slug</c> decides and
/// the loser retries with a fresh suffix.
/// </summary>
internal static class UniqueSlug
{
    private const int MaxAttempts = 8;

    public static async Task SaveAsync(IApplicationDbContext db, Article article, CancellationToken cancellationToken)
    {
        var baseSlug = Slug.FromTitle(article.Title);
        var slug = article.Slug;
        var id = article.Id;
        if (Slug.IsReserved(slug) || await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != id, cancellationToken))
        {
            article.UseSlug(Slug.WithRandomSuffix(baseSlug));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (UniqueConstraintViolationException) when (attempt < MaxAttempts)
            {
                article.UseSlug(Slug.WithRandomSuffix(baseSlug));
            }
        }
    }
}
