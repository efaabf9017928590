using CleanApp.WebApi.Dashboard;
using CleanApp.WebApi.OpenApi;
using NetEscapades.AspNetCore.SecurityHeaders.Infrastructure;

namespace CleanApp.WebApi.Common;

/// <summary>
/// Security headers on every response, errors included (NetEscapades.AspNetCore.SecurityHeaders; ADR 0017). Everything
/// that is not one of the three HTML areas (the JSON API, health, the OpenAPI document, error bodies, static assets)
/// gets the API policy, whose CSP allows nothing at all. Each HTML area gets the smallest CSP it renders with in
/// Chromium (tests/WebApi.FunctionalTests/Platform/PageContentSecurityPolicyBrowserTests.cs checks each page for violations).
/// </summary>
public static class SecurityHeaders
{
    public const string SwaggerUiPolicy = "swagger-ui";
    public const string ReDocPolicy = "redoc";
    public const string DashboardPolicy = "dashboard";

    /// <summary>SHA-256 of the <c>&lt;style&gt;</c> in Swagger UI's logo SVG (swagger-ui-bundle.js, Swashbuckle 11.0.1).</summary>
    private const string SwaggerUiLogoStyleHash = "RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services
            .AddSecurityHeaderPolicies()
            .SetDefaultPolicy(p =>
                Common(p)
                    .AddReferrerPolicyNoReferrer()
                    .AddContentSecurityPolicy(csp =>
                    {
                        csp.AddDefaultSrc().None();
                        csp.AddBaseUri().None();
                        csp.AddFormAction().None();
                        csp.AddFrameAncestors().None();
                    })
            )
            // Swagger UI 5: its page loads only its own scripts and styles (no inline code); icons are data: URIs; it
            // fetches the document and runs "Try it out" against this origin. The one inline <style> is inside its logo
            // SVG, allowed by hash: a new Swashbuckle version that changes it shows up as a violation in the browser test.
            .AddPolicy(SwaggerUiPolicy, p => Common(p)
                    .AddReferrerPolicyNoReferrer()
                    .AddContentSecurityPolicy(csp =>
                    {
                        csp.AddDefaultSrc().None();
                        csp.AddScriptSrc().Self();
                        csp.AddStyleSrc().Self().WithHash256(SwaggerUiLogoStyleHash);
                        csp.AddImgSrc().Self().Data();
                        csp.AddConnectSrc().Self();
                        csp.AddBaseUri().None();
                        csp.AddFormAction().Self();
                        csp.AddFrameAncestors().None();
                    }))
            // ReDoc injects its styles at run time (styled-components): they carry the request's nonce, which ReDoc
            // reads from <meta property="csp-nonce"> (OpenApi/SwaggerSetup.cs). Its bundled icon font is a data: URI.
            // No eval: ReDoc probes for it to move search into a worker and, refused, searches in the page instead.
            // Its telemetry is switched off and its CDN logo stays blocked (ReDoc then hides the image).
            .AddPolicy(ReDocPolicy, p => Common(p)
                    .AddReferrerPolicyNoReferrer()
                    .AddContentSecurityPolicy(csp =>
                    {
                        csp.AddDefaultSrc().None();
                        csp.AddScriptSrc().Self();
                        csp.AddStyleSrc().Self().WithNonce();
                        csp.AddImgSrc().Self().Data();
                        csp.AddFontSrc().Self().Data();
                        csp.AddConnectSrc().Self();
                        csp.AddBaseUri().None();
                        csp.AddFormAction().None();
                        csp.AddFrameAncestors().None();
                    }))
            // Hangfire's dashboard loads its own script and style bundles from /hangfire; the sign-in page's one inline
            // <style> carries the request's nonce (Endpoints/JobsDashboardAccount.cs); forms post to the dashboard itself.
            .AddPolicy(DashboardPolicy, p => Common(p)
                    .AddReferrerPolicySameOrigin()
                    .AddContentSecurityPolicy(csp =>
                    {
                        csp.AddDefaultSrc().Self();
                        csp.AddScriptSrc().Self();
                        csp.AddStyleSrc().Self().WithNonce();
                        csp.AddImgSrc().Self().Data();
                        csp.AddBaseUri().None();
                        csp.AddFormAction().Self();
                        csp.AddFrameAncestors().None();
                    }))
            .SetPolicySelector(Select);
        return services;
    }

    /// <summary>By path, so middleware-served pages (Swagger UI, ReDoc) are covered too; the OpenAPI document under
    /// <c>/swagger</c> is JSON and keeps the API policy.</summary>
    private static IReadOnlyHeaderPolicyCollection Select(PolicySelectorContext context)
    {
        // PathBase too: Hangfire's dashboard runs in a mapped branch, where Path alone is "/".
        var path = context.HttpContext.Request.PathBase.Add(context.HttpContext.Request.Path);
        var name =
            path.StartsWithSegments(SwaggerSetup.SwaggerUiPath, StringComparison.OrdinalIgnoreCase)
            && !path.Equals(SwaggerSetup.DocumentPath, StringComparison.OrdinalIgnoreCase)
                ? SwaggerUiPolicy
            : path.StartsWithSegments(SwaggerSetup.ReDocPath, StringComparison.OrdinalIgnoreCase) ? ReDocPolicy
            : path.StartsWithSegments(OpsAuthentication.BasePath, StringComparison.OrdinalIgnoreCase) ? DashboardPolicy
            : null;
        return name is null ? context.DefaultPolicy : context.ConfiguredPolicies[name];
    }

    /// <summary>The headers every response carries, whatever its CSP and referrer policy.</summary>
    private static HeaderPolicyCollection Common(HeaderPolicyCollection policy) =>
        policy
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddCrossOriginOpenerPolicy(x => x.SameOrigin())
            .AddCrossOriginResourcePolicy(x => x.SameOrigin());
}
