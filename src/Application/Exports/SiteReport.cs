using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Exports;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Exports;

/// <summary>
/// The site-stats report (ADR 0043), every figure computed by the database with GROUP BY over indexed time ranges
/// (<c>IX_Users_CreatedAt</c>, <c>IX_Articles_PublishedAt_Id</c>, <c>IX_Comments_CreatedAt</c>,
/// <c>IX_Favorites_CreatedAt</c>): only aggregates leave the database (at most one row per day and metric, 20 per top
/// list), and rows are written to the file as they are read. Days run in UTC, from <c>From</c> to <c>To</c> inclusive.
/// </summary>
public static class SiteReport
{
    public const int TopCount = 20;

    public static async Task WriteAsync(IApplicationDbContext db, SiteExport export, SiteReportWriter writer, CancellationToken ct)
    {
        var start = export.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = export.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var accounts = await PerDayAsync(db.Users.Where(u => u.CreatedAt >= start && u.CreatedAt < end).Select(u => u.CreatedAt), ct);
        var published = await PerDayAsync(
            db.Articles.Where(a => a.PublishedAt >= start && a.PublishedAt < end).Select(a => a.PublishedAt!.Value),
            ct
        );
        var comments = await PerDayAsync(db.Comments.Where(c => c.CreatedAt >= start && c.CreatedAt < end).Select(c => c.CreatedAt), ct);
        var favorites = await PerDayAsync(db.Favorites.Where(f => f.CreatedAt >= start && f.CreatedAt < end).Select(f => f.CreatedAt), ct);

        await writer.BeginAsync(export.Kind, export.From, export.To);
        for (var day = export.From; day <= export.To; day = day.AddDays(1))
        {
            await writer.DayAsync(
                new SiteReportDay(
                    day,
                    accounts.GetValueOrDefault(day),
                    published.GetValueOrDefault(day),
                    comments.GetValueOrDefault(day),
                    favorites.GetValueOrDefault(day)
                )
            );
        }

        // Favorites made in the period, credited to the article's author.
        var topAuthors =
            from top in (
                from f in db.Favorites
                where f.CreatedAt >= start && f.CreatedAt < end
                join a in db.Articles on f.ArticleId equals a.Id
                group f by a.AuthorId into g
                select new { AuthorId = g.Key, Count = g.Count() }
            )
                .OrderByDescending(t => t.Count)
                .ThenBy(t => t.AuthorId)
                .Take(TopCount)
            join u in db.Users on top.AuthorId equals u.Id
            orderby top.Count descending, u.Username
            select new { u.Username, top.Count };
        await foreach (var author in topAuthors.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.TopAuthorAsync(author.Username, author.Count);
        }

        // Tags of the articles published in the period.
        var topTags = (
            from t in db.ArticleTags
            join a in db.Articles on t.ArticleId equals a.Id
            where a.PublishedAt >= start && a.PublishedAt < end
            group t by t.Name into g
            select new { Name = g.Key, Count = g.Count() }
        )
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Name)
            .Take(TopCount);
        await foreach (var tag in topTags.AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.TopTagAsync(tag.Name, tag.Count);
        }

        await writer.EndAsync();
    }

    /// <summary>COUNT(*) GROUP BY the UTC day of <paramref name="times"/>: one row per day that has any.</summary>
    private static async Task<Dictionary<DateOnly, int>> PerDayAsync(IQueryable<DateTime> times, CancellationToken ct)
    {
        var days = await times.GroupBy(t => t.Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        return days.ToDictionary(d => DateOnly.FromDateTime(d.Day), d => d.Count);
    }
}
