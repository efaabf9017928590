using System.Text.Json;
using CleanApp.WebApi.Common;
using CleanApp.WebApi.Dashboard;
using CleanApp.WebApi.OpenApi;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace CleanApp.WebApi;

public static class WebApplicationExtensions
{
    /// <summary>
    /// The middleware order, outermost first. Request logging sees the final status of every request; security headers
    /// are written just before any response starts, so error responses get them too; status-code pages sit outside
    /// authentication so a bare 401 gets its body.
    /// </summary>
    public static WebApplication UseWebApiPipeline(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o => RequestLogging.Configure(o, app.Services.GetRequiredService<Serilog.ILogger>()));
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages(WriteEmptyErrorAsync);

        app.UseApiDocumentation();

        // CORS for /api only: the cookie-authenticated dashboard gets no CORS headers (DependencyInjection.AddCors).
        app.UseWhen(ApiErrors.IsApiRequest, api => api.UseCors(DependencyInjection.ApiCorsPolicy));

        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks(
            "/health/ready",
            new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync }
        );
        app.MapGet("/", () => Results.Redirect(SwaggerSetup.SwaggerUiPath)).ExcludeFromDescription();
        app.MapEndpointGroups();
        app.MapOpsHangfireDashboard();
        return app;
    }

    /// <summary>Gives every bodiless error under /api the documented <c>{"errors":{...}}</c> body; other paths get ProblemDetails.</summary>
    private static async Task WriteEmptyErrorAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (ApiErrors.IsApiRequest(http))
        {
            await ApiErrors.WriteAsync(http, status, ApiErrors.ForStatus(http, status));
            return;
        }

        await Results.Problem(statusCode: status).ExecuteAsync(http);
    }

    /// <summary>
    /// <c>{"status":"Healthy","checks":{"database":{"status":…,"description":…}}}</c>. A check that threw is described
    /// generically: the exception text can hold paths or server names, and the health service has already logged it.
    /// </summary>
    private static Task WriteHealthAsync(HttpContext context, Microsoft.Extensions.Diagnostics.HealthChecks.HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Exception is null ? e.Value.Description : "failed; details are in the logs",
                }
            ),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
