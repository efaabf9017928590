using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Models;
using CleanApp.Domain.Articles;
using CleanApp.Domain.Auditing;
using CleanApp.Domain.Comments;
using CleanApp.Domain.Exports;
using CleanApp.Domain.Moderation;
using CleanApp.Domain.Notifications;
using CleanApp.Domain.Profiles;
using CleanApp.Domain.Users;
using CleanApp.Infrastructure.Identity;
using CleanApp.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.Persistence;

/// <summary>
/// The application's single database: domain tables, Identity's tables, Data Protection keys and the job outbox
/// (Hangfire keeps its own tables: a schema on SQL Server, a file of its own on SQLite). Abstract because each provider has its own subclass and migration history (docs/decisions/0003-persistence-sqlite-default-sqlserver-production.md).
/// </summary>
public abstract class ApplicationDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options),
        IApplicationDbContext,
        IDataProtectionKeyContext
{
    /// <summary>
    /// The DI scope that leased this pooled context, for the interceptor relays; null once the context is back in the
    /// pool, and for a context built outside DI (docs/decisions/0018-dbcontext-pooling.md).
    /// </summary>
    internal IServiceProvider? LeasingScope { get; set; }

    internal static IEnumerable<T> ScopedServices<T>(DbContext? context) =>
        (context as ApplicationDbContext)?.LeasingScope?.GetServices<T>() ?? [];

    public override void Dispose()
    {
        LeasingScope = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        LeasingScope = null;
        return base.DisposeAsync();
    }

    // Explicit: Identity's own Users set (credential records) keeps the plain name on the context.
    DbSet<User> IApplicationDbContext.Users => Set<User>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleTag> ArticleTags => Set<ArticleTag>();

    public DbSet<Favorite> Favorites => Set<Favorite>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<SentEmail> SentEmails => Set<SentEmail>();

    public DbSet<Flag> Flags => Set<Flag>();

    public DbSet<PasswordResetToken> PasswordResetTokens => Set<PasswordResetToken>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();

    // Projections of Identity's tables: the Application searches them without ever seeing a password hash or a stamp.
    public IQueryable<IdentityAccount> IdentityAccounts =>
        Users
            .AsNoTracking()
            .Select(u => new IdentityAccount
            {
                Id = u.Id,
                Email = u.Email,
                NormalizedEmail = u.NormalizedEmail,
            });

    public IQueryable<IdentityAccountRole> IdentityAccountRoles =>
        UserRoles
            .AsNoTracking()
            .Join(Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new IdentityAccountRole { UserId = ur.UserId, Role = r.Name! });
    public DbSet<SiteExport> SiteExports => Set<SiteExport>();

    /// <summary>The key ring of ASP.NET Core Data Protection (which protects bearer tokens and cookies), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public const string ConcurrentChange = "conflicts with a concurrent change; retry";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException ex) when (UniqueConstraintErrors.IsUniqueViolation(ex))
        {
            throw new UniqueConstraintViolationException(ex.InnerException!.Message, ex);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueConstraintErrors.IsUniqueViolation(ex))
        {
            // Provider knowledge stays here; Application reacts to the neutral exception (retry a slug, "already favorited").
            throw new UniqueConstraintViolationException(ex.InnerException!.Message, ex);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // A row changed since it was read (a concurrency token, e.g. Articles.UpdatedAt): the caller retries.
            throw new ConflictException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["request"] = [ConcurrentChange] }, ex);
        }
    }

    /// <summary>Jobs staged in a command's unit of work until they are handed to Hangfire (ADR 0021).</summary>
    public DbSet<JobOutboxEntry> JobOutbox => Set<JobOutboxEntry>();

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite hands values back as Kind=Unspecified, which would lose the 'Z' on the wire.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}

/// <summary>The embedded default provider; its migrations live in Persistence/Migrations/Sqlite.</summary>
public sealed class SqliteApplicationDbContext(DbContextOptions<SqliteApplicationDbContext> options) : ApplicationDbContext(options);

/// <summary>The production provider; its migrations live in Persistence/Migrations/SqlServer.</summary>
public sealed class SqlServerApplicationDbContext(DbContextOptions<SqlServerApplicationDbContext> options) : ApplicationDbContext(options);
