using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Notifications;

/// <summary>
/// "Check, act, mark" for email jobs (docs/jobs.md): check <see cref="WasSentAsync"/>, send, then <see cref="MarkAsync"/>
/// right away, one email at a time, so a batch retried after a crash resends at most the one email in flight.
/// </summary>
internal static class SentEmails
{
    public static string ArticleKey(Guid articlePublicId, Guid userId) => $"article:{articlePublicId:N}:{userId:N}";

    public static string WelcomeKey(Guid userId) => $"welcome:{userId:N}";

    public static string DigestKey(Guid userId, string date) => $"digest:{userId:N}:{date}";

    public static string HiddenKey(int flagId) => $"hidden:{flagId}";

    public static Task<bool> WasSentAsync(IApplicationDbContext db, string key, CancellationToken cancellationToken) =>
        db.SentEmails.AsNoTracking().AnyAsync(e => e.Key == key, cancellationToken);

    public static async Task MarkAsync(IApplicationDbContext db, string key, DateTime sentAt, CancellationToken cancellationToken)
    {
        var mark = SentEmail.Create(key, sentAt);
        db.SentEmails.Add(mark);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // A concurrent run of the same batch (at-least-once) marked it first: the mark exists, which is all we need.
            db.SentEmails.Remove(mark);
        }
    }

    /// <summary>The article's path in the Conduit front end.</summary>
    public static string ArticlePath(string slug) => $"/articles/{slug}";
}
