using System.Security.Cryptography;
using System.Text;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Common.Security;

/// <summary>
/// Throttles password guessing per account <b>and</b> client address (docs/decisions/0031-sign-in-throttling.md): each
/// attempt is counted under two keys, the (account, address) pair with a tight limit and the account alone with a
/// looser one and a short window, so one stranger's guesses only throttle that stranger, and many strangers together can
/// keep the owner out for one short window at most. An attempt is counted <i>before</i> the password is checked, in
/// one short transaction, so parallel guesses cannot all slip through; a right password takes its attempt back.
/// Unknown emails are counted exactly like known ones: the answers never tell which accounts exist.
/// </summary>
public sealed class SignInThrottler(IApplicationDbContext db, SignInThrottleSettings settings, TimeProvider clock)
{
    /// <summary>Counts one attempt; returns how long the caller must wait when this attempt is over a limit, else null.</summary>
    public Task<TimeSpan?> BeginAttemptAsync(string email, string? clientAddress, CancellationToken cancellationToken) =>
        db.InTransactionAsync(
            async ct =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var pair = await CountAsync(PairKey(email, clientAddress), settings.PerAddressAttempts, settings.PerAddressWindow, now, ct);
                var account = await CountAsync(AccountKey(email), settings.PerAccountAttempts, settings.PerAccountWindow, now, ct);
                return Longest(pair, account);
            },
            cancellationToken
        );

    /// <summary>The password was right: this address starts afresh, and the attempt no longer counts against the account.</summary>
    public async Task ForgiveAsync(string email, string? clientAddress, CancellationToken cancellationToken)
    {
        var pair = PairKey(email, clientAddress);
        var account = AccountKey(email);
        await db.SignInThrottles.Where(t => t.Key == pair).ExecuteDeleteAsync(cancellationToken);
        await db
            .SignInThrottles.Where(t => t.Key == account && t.Attempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Attempts, t => t.Attempts - 1), cancellationToken);
    }

    /// <summary>Throws the 429 the API answers while throttled.</summary>
    public static TooManyRequestsException TooManyAttempts(TimeSpan retryAfter) => new("credentials", "too many attempts", retryAfter);

    private async Task<TimeSpan?> CountAsync(string key, int limit, TimeSpan window, DateTime now, CancellationToken cancellationToken)
    {
        var expired = now - window;
        for (var attempt = 0; ; attempt++)
        {
            // One UPDATE: a window that has run out starts again at this attempt, otherwise the attempt is added to it.
            var counted = await db
                .SignInThrottles.Where(t => t.Key == key)
                .ExecuteUpdateAsync(
                    s =>
                        s.SetProperty(t => t.Attempts, t => t.WindowStart <= expired ? 1 : t.Attempts + 1)
                            .SetProperty(t => t.WindowStart, t => t.WindowStart <= expired ? now : t.WindowStart),
                    cancellationToken
                );
            if (counted == 0)
            {
                var first = SignInThrottle.FirstAttempt(key, now);
                db.SignInThrottles.Add(first);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (UniqueConstraintViolationException) when (attempt == 0)
                {
                    // A concurrent attempt created the row first: count this one on it.
                    db.SignInThrottles.Entry(first).State = EntityState.Detached;
                    continue;
                }

                db.SignInThrottles.Entry(first).State = EntityState.Detached;
            }

            var counter = await db
                .SignInThrottles.AsNoTracking()
                .Where(t => t.Key == key)
                .Select(t => new { t.WindowStart, t.Attempts })
                .SingleAsync(cancellationToken);
            return counter.Attempts > limit ? counter.WindowStart + window - now : null;
        }
    }

    private static TimeSpan? Longest(TimeSpan? a, TimeSpan? b) =>
        a is null ? b
        : b is null ? a
        : (a > b ? a : b);

    private static string PairKey(string email, string? clientAddress) =>
        Hash($"address\n{Normalize(email)}\n{clientAddress ?? "unknown"}");

    private static string AccountKey(string email) => Hash($"account\n{Normalize(email)}");

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
