using CleanApp.Application.Articles;
using CleanApp.Application.Common.Email;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Notifications.Commands.SendDigestBatch;

/// <summary>
/// Background job: sends the daily digest to one batch of users, each listing the articles published in
/// [<see cref="WindowStart"/>, <see cref="WindowEnd"/>) by the authors that user follows (title, author, path). Users
/// with nothing new get nothing. Idempotent through <c>SentEmails</c> under <c>digest:{user}:{date}</c>.
/// </summary>
[BackgroundJob("email.daily-digest.batch", DisplayName = "Send the daily digest of {DigestDate} to a batch of users")]
public sealed record SendDigestBatchCommand(DateTime WindowStart, DateTime WindowEnd, string DigestDate, IReadOnlyList<Guid> UserIds)
    : IRequest;

public sealed class SendDigestBatchCommandHandler(
    IApplicationDbContext db,
    IIdentityService identity,
    IEmailSender email,
    TimeProvider clock,
    ILogger<SendDigestBatchCommandHandler> logger
) : IRequestHandler<SendDigestBatchCommand, Unit>
{
    /// <summary>A digest lists at most this many articles and says how many more there are.</summary>
    public const int MaxArticlesPerDigest = 50;

    public async Task<Unit> Handle(SendDigestBatchCommand request, CancellationToken cancellationToken)
    {
        var (start, end) = (request.WindowStart, request.WindowEnd);
        var sent = 0;
        foreach (var userId in request.UserIds.Distinct())
        {
            var key = SentEmails.DigestKey(userId, request.DigestDate);
            if (await SentEmails.WasSentAsync(db, key, cancellationToken))
            {
                continue;
            }

            var username = await db
                .Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => u.Username)
                .SingleOrDefaultAsync(cancellationToken);
            var articles = await db
                .Articles.AsNoTracking()
                .Public()
                .Where(a =>
                    a.PublishedAt >= start
                    && a.PublishedAt < end
                    && db.Follows.Any(f => f.FollowerId == userId && f.FolloweeId == a.AuthorId)
                )
                .OrderBy(a => a.PublishedAt)
                .ThenBy(a => a.Id)
                .Select(a => new DigestLine(a.Title, a.Author.Username, a.Slug))
                .Take(MaxArticlesPerDigest + 1)
                .ToListAsync(cancellationToken);
            if (username is null || articles.Count == 0)
            {
                continue;
            }

            if (await identity.GetEmailAsync(userId, cancellationToken) is not { } address)
            {
                continue;
            }

            await email.SendAsync(
                new EmailMessage(address, $"Your CleanApp digest for {request.DigestDate}", Body(username, articles)),
                cancellationToken
            );
            await SentEmails.MarkAsync(db, key, clock.GetUtcNow().UtcDateTime, cancellationToken);
            sent++;
        }

        logger.LogInformation(
            "Daily digest {DigestDate}: {SentCount} of {UserCount} emails sent in this batch",
            request.DigestDate,
            sent,
            request.UserIds.Count
        );
        return Unit.Value;
    }

    private static string Body(string username, IReadOnlyList<DigestLine> articles)
    {
        var lines = articles.Take(MaxArticlesPerDigest).Select(a => $"- {a.Title} by {a.Author}: {SentEmails.ArticlePath(a.Slug)}");
        var more = articles.Count > MaxArticlesPerDigest ? $"{Environment.NewLine}...and more on CleanApp." : string.Empty;
        return $"""
            Hello {username},

            new articles from the authors you follow:

            {string.Join(Environment.NewLine, lines)}{more}

            You receive this digest because you follow these authors on CleanApp.
            """;
    }

    private sealed record DigestLine(string Title, string Author, string Slug);
}
