using CleanApp.Application.Common.Models;
using CleanApp.Domain.Articles;
using CleanApp.Domain.Auditing;
using CleanApp.Domain.Comments;
using CleanApp.Domain.Exports;
using CleanApp.Domain.Moderation;
using CleanApp.Domain.Notifications;
using CleanApp.Domain.Profiles;
using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Common.Interfaces;

/// <summary>The unit of work handlers use directly (no generic repository). One instance per request or job scope.</summary>
public interface IApplicationDbContext
{
    DbSet<User> Users { get; }

    DbSet<Follow> Follows { get; }

    DbSet<Article> Articles { get; }

    DbSet<ArticleTag> ArticleTags { get; }

    DbSet<Favorite> Favorites { get; }

    DbSet<Comment> Comments { get; }

    /// <summary>Marks of emails already sent, for idempotent email jobs ("check, act, mark").</summary>
    DbSet<SentEmail> SentEmails { get; }

    DbSet<Flag> Flags { get; }

    DbSet<PasswordResetToken> PasswordResetTokens { get; }

    DbSet<SignInThrottle> SignInThrottles { get; }

    /// <summary>Append-only: commands add entries through <see cref="Auditing.IAuditLog"/>; the administration reads them here.</summary>
    DbSet<AuditLogEntry> AuditLog { get; }

    /// <summary>The identity store's credential records, read-only (email search in the administration).</summary>
    IQueryable<IdentityAccount> IdentityAccounts { get; }

    /// <summary>Who holds which role, read-only; roles change through <see cref="IIdentityService"/>.</summary>
    IQueryable<IdentityAccountRole> IdentityAccountRoles { get; }

    /// <summary>Site reports requested by editors and admins (ADR 0043).</summary>
    DbSet<SiteExport> SiteExports { get; }

    /// <summary>Saves the unit of work. A unique index violation surfaces as <see cref="Exceptions.UniqueConstraintViolationException"/>.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one database transaction, committed only if it returns normally.</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
