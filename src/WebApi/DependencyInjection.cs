using CleanApp.Application.Common.Interfaces;
using CleanApp.Infrastructure.Persistence;
using CleanApp.WebApi.Common;
using CleanApp.WebApi.Dashboard;
using CleanApp.WebApi.OpenApi;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Serilog;

namespace CleanApp.WebApi;

/// <summary>The WebApi host's services, one method per concern; the middleware order is in <see cref="WebApplicationExtensions"/>.</summary>
public static class DependencyInjection
{
    public const string ApiCorsPolicy = "Api";

    public static IServiceCollection AddWebApiServices(this IServiceCollection services, IConfiguration configuration)
    {
        AddLogging(services, configuration);
        AddApiJson(services, configuration);
        AddErrorHandling(services);
        AddAuthentication(services, configuration);
        AddCors(services, configuration);
        AddHealthChecks(services);
        services.AddSecurityHeaders();
        services.AddOpenApiDocument();
        return services;
    }

    /// <summary>
    /// Serilog from the <c>Serilog</c> section (ADR 0016). <c>preserveStaticLogger</c>: each host builds and disposes its
    /// own logger, so hosts sharing a process (the test suites start many) never close each other's sinks through the
    /// static <c>Log</c>, which keeps only Program's start-up logger.
    /// </summary>
    private static void AddLogging(IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog((provider, logger) => RequestLogging.Configure(logger, provider, configuration), preserveStaticLogger: true);

    /// <summary>The Conduit JSON conventions (camelCase, explicit nulls, fixed timestamps) and the strict body reader.</summary>
    private static void AddApiJson(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.SectionName));
        services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));
        services.AddSingleton<JsonBody>();
    }

    /// <summary>One exception map (ADR 0007); ProblemDetails outside <c>/api</c> carry the trace id.</summary>
    private static void AddErrorHandling(IServiceCollection services)
    {
        services.AddExceptionHandler<ExceptionHandler>();
        services.AddProblemDetails(o =>
            o.CustomizeProblemDetails = c =>
                c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? c.HttpContext.TraceIdentifier
        );
    }

    /// <summary>API tokens (<c>Token</c> or <c>Bearer</c>, ADR 0004) and the dashboard's ops cookie, with its policies and antiforgery.</summary>
    private static void AddAuthentication(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services
            .AddAuthentication(IdentityConstants.BearerScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = configuration.GetValue("Auth:TokenLifetime", TimeSpan.FromDays(7));
                o.Events.OnMessageReceived = context =>
                {
                    // Conduit clients send "Token <t>"; the framework reads only "Bearer <t>". Accept both (shared/API.md).
                    context.Token = TokenFromHeader(context.Request.Headers.Authorization.ToString());
                    return Task.CompletedTask;
                };
            })
            .AddOpsCookie(configuration);
        services.AddAuthorization(OpsAuthentication.AddJobsPolicies);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "CleanApp.Ops.Antiforgery";
            o.Cookie.Path = OpsAuthentication.BasePath;
            o.FormFieldName = Endpoints.JobsDashboardAccount.TokenField;
        });
    }

    /// <summary>
    /// Browser front-ends of the Conduit API live on other origins; tokens travel in a header, never a cookie, so any
    /// origin may call <c>/api</c> unless <c>Cors:AllowedOrigins</c> narrows it. The pipeline applies it to <c>/api</c> only.
    /// </summary>
    private static void AddCors(IServiceCollection services, IConfiguration configuration) =>
        services.AddCors(o => o.AddPolicy(ApiCorsPolicy, policy =>
            {
                var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
                (origins.Length == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins(origins)).AllowAnyHeader().AllowAnyMethod();
            }));

    /// <summary>
    /// Readiness reads the migration history instead of the default CanConnect: an instance whose database was never
    /// migrated (production runs <c>migrate</c> as its own step) is not ready, and a failure surfaces as an exception that
    /// the health service logs, where CanConnect would answer a bare false.
    /// </summary>
    private static void AddHealthChecks(IServiceCollection services) =>
        services
            .AddHealthChecks()
            .AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"], customTestQuery: async (db, ct) =>
                (await db.Database.GetAppliedMigrationsAsync(ct)).Any()
            );

    public static string? TokenFromHeader(string header)
    {
        foreach (var scheme in (ReadOnlySpan<string>)["Token ", "Bearer "])
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                var token = header[scheme.Length..].Trim();
                return token.Length > 0 ? token : null;
            }
        }

        return null;
    }
}
