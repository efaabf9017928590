using CleanApp.Application.Common.Interfaces;
using CleanApp.Infrastructure.Persistence;
using CleanApp.WebApi.Common;
using CleanApp.WebApi.Dashboard;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace CleanApp.WebApi;

public static class DependencyInjection
{
    public const string ApiCorsPolicy = "Api";

    public static IServiceCollection AddWebApiServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.SectionName));
        services.AddSingleton<JsonBody>();
        services.ConfigureHttpJsonOptions(o => JsonDefaults.Configure(o.SerializerOptions));

        services.AddExceptionHandler<ExceptionHandler>();
        services.AddProblemDetails(o =>
            o.CustomizeProblemDetails = c =>
                c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? c.HttpContext.TraceIdentifier
        );

        AddAuthentication(services, configuration);
        services.AddCors(o => o.AddPolicy(ApiCorsPolicy, policy =>
            {
                var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
                (origins.Length == 0 ? policy.AllowAnyOrigin() : policy.WithOrigins(origins)).AllowAnyHeader().AllowAnyMethod();
            }));

        // Readiness reads the migration history instead of the default CanConnect: an instance whose database was never
        // migrated (production runs `migrate` as its own step) is not ready, and a failure surfaces as an exception that
        // the health service logs, where CanConnect would answer a bare false.
        services
            .AddHealthChecks()
            .AddDbContextCheck<ApplicationDbContext>("database", tags: ["ready"], customTestQuery: async (db, ct) =>
                (await db.Database.GetAppliedMigrationsAsync(ct)).Any()
            );

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(
                "v1",
                new OpenApiInfo
                {
                    Title = "CleanApp API",
                    Version = "v1",
                    Description =
                        "The RealWorld (Conduit) API. Authenticate with `Authorization: Token <token>` (or `Bearer <token>`). Errors: `{\"errors\":{\"field\":[\"message\"]}}`.",
                }
            );
            o.AddSecurityDefinition(
                "Token",
                new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "Authorization",
                    Description = "`Token <token>` — the token from `user.token`.",
                }
            );
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Token", document)] = [],
            });
            o.CustomSchemaIds(SchemaId);
            o.OperationFilter<JsonRequestBodyOperationFilter>();
            o.MapType<Application.Common.Models.Optional<string?>>(() =>
                new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null }
            );
            o.MapType<Application.Common.Models.Optional<IReadOnlyList<string?>?>>(() =>
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String },
                }
            );
        });

        return services;
    }

    private static void AddAuthentication(IServiceCollection services, IConfiguration configuration)
    {
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
            o.FormFieldName = Dashboard.DashboardForms.TokenField;
        });
    }

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

    /// <summary>Readable, unique schema names for generic envelopes, e.g. <c>UserRequest&lt;RegisterUserCommand&gt;</c> → <c>RegisterUserRequest</c>.</summary>
    private static string SchemaId(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var outer = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        var inner = string.Concat(type.GetGenericArguments().Select(SchemaId));
        return inner.Replace("Command", string.Empty, StringComparison.Ordinal) + outer;
    }
}
