using System.Text.Json;
using CleanApp.WebApi.Common;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CleanApp.WebApi;

public static class WebApplicationExtensions
{
    /// <summary>The middleware order, outermost first. Status-code pages sit outside authentication so a bare 401 gets its body.</summary>
    public static WebApplication UseWebApiPipeline(this WebApplication app)
    {
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(WriteEmptyErrorAsync);

        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "CleanApp API v1");
            o.RoutePrefix = "swagger";
        });
        app.UseReDoc(o =>
        {
            o.SpecUrl = "/swagger/v1/swagger.json";
            o.RoutePrefix = "api-docs";
            o.DocumentTitle = "CleanApp API";
        });

        // Browser front-ends of the Conduit API live on other origins; tokens travel in a header, never a cookie, so any
        // origin may call /api. The cookie-authenticated dashboard gets no CORS headers.
        app.UseWhen(ApiErrors.IsApiRequest, api => api.UseCors(DependencyInjection.ApiCorsPolicy));

        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks(
            "/health/ready",
            new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync }
        );
        app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
        app.MapEndpointGroups();
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
