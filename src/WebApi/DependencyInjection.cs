using CleanApp.Application.Common.Interfaces;
using CleanApp.WebApi.Common;
using CleanApp.WebApi.Dashboard;
using Microsoft.AspNetCore.Identity;
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

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

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
                o.Events.OnMessageReceived = AuthenticateTokenAsync;
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
    /// Reads the token from "Token &lt;t&gt;" as well as "Bearer &lt;t&gt;" (Conduit clients send the first; the framework reads
    /// only the second, shared/API.md), then checks that it is still current: not revoked by a password change, a reset or
    /// a suspension (docs/decisions/0030-token-revocation.md). A token that fails here is a 401 at once. The ticket is
    /// unprotected once, here; an unreadable or expired one is left to the handler, which fails it as before.
    /// </summary>
    private static async Task AuthenticateTokenAsync(Microsoft.AspNetCore.Authentication.BearerToken.MessageReceivedContext context)
    {
        var token = TokenFromHeader(context.Request.Headers.Authorization.ToString());
        context.Token = token;
        if (token is null)
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(token);
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
        {
            return;
        }

        var tokens = context.HttpContext.RequestServices.GetRequiredService<Infrastructure.Identity.TokenService>();
        if (!await tokens.IsCurrentAsync(ticket.Principal, context.HttpContext.RequestAborted))
        {
            context.Fail("The token was revoked.");
            return;
        }

        context.Principal = ticket.Principal;
        context.Properties = ticket.Properties;
        context.Success();
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
