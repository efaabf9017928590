using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Email;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Application.Exports;
using CleanApp.Application.Notifications;
using CleanApp.Application.Search;
using CleanApp.Application.Users;
using CleanApp.Infrastructure.Auditing;
using CleanApp.Infrastructure.Email;
using CleanApp.Infrastructure.Exports;
using CleanApp.Infrastructure.Identity;
using CleanApp.Infrastructure.Jobs;
using CleanApp.Infrastructure.Persistence;
using CleanApp.Infrastructure.Persistence.Interceptors;
using CleanApp.Infrastructure.Search;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CleanApp.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructureServices(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment
    )
    {
        var databaseOptions = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.SectionName));
        var connectionString = configuration.GetConnectionString("Default");

        services.AddScoped<ISaveChangesInterceptor, DispatchDomainEventsInterceptor>();
        services.AddScoped<ISaveChangesInterceptor, AuditableEntityInterceptor>();
        // After the interceptors above: it sees jobs staged by domain-event handlers (transactional enqueue, ADR 0021).
        services.AddBackgroundJobs(
            configuration,
            databaseOptions.Provider,
            databaseOptions.Provider == DatabaseProvider.Sqlite
                ? ResolveSqlitePath(connectionString ?? "Data Source=data/cleanapp.db", environment.ContentRootPath)
                : connectionString,
            environment.ContentRootPath,
            prepareSqlServerSchema: databaseOptions.ShouldMigrateOnStartup
        );

        switch (databaseOptions.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = ResolveSqlitePath(connectionString ?? "Data Source=data/cleanapp.db", environment.ContentRootPath);
                AddPooledApplicationDbContext<SqliteApplicationDbContext>(services, options =>
                    options.UseSqlite(sqlite).AddInterceptors(SearchTags, SqlitePragmas)
                );
                services.AddScoped<IArticleSearch, SqliteArticleSearch>();
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but ConnectionStrings:Default is not set (use an environment variable or user secrets, never appsettings)."
                    );
                }

                AddPooledApplicationDbContext<SqlServerApplicationDbContext>(services, options =>
                    options.UseSqlServer(connectionString).AddInterceptors(SearchTags)
                );
                services.AddScoped<IArticleSearch, SqlServerArticleSearch>();
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{databaseOptions.Provider}'.");
        }

        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ApplicationDbContext>());

        services
            .AddIdentityCore<ApplicationUser>(options =>
            {
                // Length is the policy (shared/API.md): at least 8, no composition rules.
                options.Password.RequiredLength = Domain.Users.UserConstraints.PasswordMinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.User.RequireUniqueEmail = true;

                // No per-account lockout: it lets any stranger lock the owner out. Sign-ins are throttled per account and
                // client address instead (Auth:SignInThrottle, docs/decisions/0031-sign-in-throttling.md).
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ApplicationDbContext>();
        services.Replace(ServiceDescriptor.Scoped<ILookupNormalizer, LookupNormalizer>());

        services.AddAuthorizationCore();
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddScoped<TokenService>();
        services.AddScoped<ITokenService>(sp => sp.GetRequiredService<TokenService>());
        AddAccountSettings(services, configuration);
        services.AddScoped<IOpsUserService, OpsUserService>();
        services.AddScoped<UserRoleGrants>();
        services.AddScoped<IAuditLog, AuditLog>();
        AddEmail(services, configuration);

        // The application name isolates the key ring's purpose strings: every instance must use the same one to read the others' tokens.
        services.AddDataProtection().SetApplicationName("CleanApp").PersistKeysToDbContext<ApplicationDbContext>();

        return services;
    }

    /// <summary>
    /// A pooled context (docs/decisions/0018-dbcontext-pooling.md): options are built once and a context is reset rather
    /// than rebuilt for each scope, which was a fifth of the CPU of a one-query read. The scoped interceptors reach the
    /// shared options through the relays, which resolve them from the scope that leased the context; the scope disposes
    /// the context, which returns it to the pool.
    /// </summary>
    private static void AddPooledApplicationDbContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> useProvider)
        where TContext : ApplicationDbContext
    {
        services.AddPooledDbContextFactory<TContext>(options =>
        {
            useProvider(options);
            options.AddInterceptors(ScopedSaveChangesInterceptorRelay.Instance, ScopedTransactionInterceptorRelay.Instance);
        });
        services.AddScoped<ApplicationDbContext>(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.LeasingScope = sp;
            return context;
        });
    }

    private static void AddAccountSettings(IServiceCollection services, IConfiguration configuration)
    {
        var throttle = new SignInThrottleSettings();
        services.Replace(
            ServiceDescriptor.Singleton(
                new SignInThrottleSettings
                {
                    PerAddressAttempts = configuration.GetValue("Auth:SignInThrottle:PerAddressAttempts", throttle.PerAddressAttempts),
                    PerAddressWindow = configuration.GetValue("Auth:SignInThrottle:PerAddressWindow", throttle.PerAddressWindow),
                    PerAccountAttempts = configuration.GetValue("Auth:SignInThrottle:PerAccountAttempts", throttle.PerAccountAttempts),
                    PerAccountWindow = configuration.GetValue("Auth:SignInThrottle:PerAccountWindow", throttle.PerAccountWindow),
                }
            )
        );
        var reset = new PasswordResetSettings();
        services.Replace(
            ServiceDescriptor.Singleton(
                new PasswordResetSettings
                {
                    TokenLifetime = configuration.GetValue("Auth:PasswordReset:TokenLifetime", reset.TokenLifetime),
                    MinimumInterval = configuration.GetValue("Auth:PasswordReset:MinimumInterval", reset.MinimumInterval),
                }
            )
        );
    }

    private static void AddEmail(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.SectionName));
        var provider = configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>()?.Provider ?? EmailProvider.Pickup;
        if (provider == EmailProvider.Smtp)
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<PickupDirectoryEmailSender>();
            services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<PickupDirectoryEmailSender>());
        }

        // The email jobs (docs/dashboard.md, "Email"): batch size of the fan-outs, and the daily digest's recurring job.
        services.Replace(
            ServiceDescriptor.Singleton(
                new EmailJobSettings
                {
                    FanOutBatchSize = configuration.GetValue("Email:FanOutBatchSize", EmailJobSettings.DefaultFanOutBatchSize),
                }
            )
        );
        services.Configure<DigestOptions>(configuration.GetSection(DigestOptions.SectionName));
        services.AddHostedService<DailyDigestRegistration>();

        // Site exports (ADR 0043): files in their folder, the hourly cleanup of expired ones.
        services.Configure<ExportOptions>(configuration.GetSection(ExportOptions.SectionName));
        services.AddSingleton<IExportFiles, ExportFiles>();
        services.AddHostedService<ExportCleanupRegistration>();
    }

    private static readonly SqlitePragmaInterceptor SqlitePragmas = new();

    /// <summary>First among the save interceptors: a tag change may turn an unchanged article into a modified one.</summary>
    private static readonly SearchTagsInterceptor SearchTags = new();

    /// <summary>A relative SQLite path is taken from the content root, so the database lands in the same place whatever the working directory.</summary>
    private static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.DataSource) && builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder.ToString();
    }
}
