using System.Text;
using CleanApp.Application.Common.Models;
using CleanApp.WebApi.Common;
using Microsoft.OpenApi;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace CleanApp.WebApi.OpenApi;

/// <summary>
/// The OpenAPI document (<c>/swagger/v1/swagger.json</c>, Swashbuckle 11) and its two readers: Swagger UI at
/// <c>/swagger</c> and ReDoc at <c>/api-docs</c>.
/// </summary>
public static class SwaggerSetup
{
    public const string DocumentPath = "/swagger/v1/swagger.json";
    public const string SwaggerUiPath = "/swagger";
    public const string ReDocPath = "/api-docs";

    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services)
    {
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
            o.MapType<Optional<string?>>(() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null });
            o.MapType<Optional<IReadOnlyList<string?>?>>(() =>
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String },
                }
            );
        });
        return services;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint(DocumentPath, "CleanApp API v1");
            o.RoutePrefix = SwaggerUiPath.TrimStart('/');
        });

        var http = app.Services.GetRequiredService<IHttpContextAccessor>();
        app.UseReDoc(o =>
        {
            o.SpecUrl = DocumentPath;
            o.RoutePrefix = ReDocPath.TrimStart('/');
            o.DocumentTitle = "CleanApp API";
            // ReDoc 3 otherwise posts usage traces to otel.cloud.redocly.com (the CSP would block them anyway).
            o.ConfigObject.AdditionalItems["disableTelemetry"] = true;
            // Called for each request of the page, so the nonce is this response's (ReDocIndex).
            o.IndexStream = () => new MemoryStream(Encoding.UTF8.GetBytes(ReDocIndex(http.HttpContext?.GetNonce() ?? string.Empty)));
        });
        return app;
    }

    /// <summary>
    /// Swashbuckle's ReDoc page with two changes for the strict CSP: ReDoc's run-time styles take the nonce from the
    /// <c>csp-nonce</c> meta element, and the Google Fonts stylesheet is gone (no third-party origin; ReDoc falls back
    /// to its system font stack). <c>%(…)</c> placeholders are filled in by Swashbuckle.
    /// </summary>
    private static string ReDocIndex(string nonce) =>
        $"""
            <!DOCTYPE html>
            <html>
            <head>
                <title>%(DocumentTitle)</title>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta property="csp-nonce" nonce="{nonce}">
                <link href="index.css" rel="stylesheet" type="text/css">
                %(HeadContent)
            </head>
            <body>
                <div id="redoc-container"></div>
                <script type="module" src="index.js"></script>
            </body>
            </html>
            """;

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
