using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.AspNetCore;

namespace CleanApp.WebApi.Common;

/// <summary>
/// Serilog for the host (ADR 0016): the logger is built from the <c>Serilog</c> configuration section plus any sink or
/// enricher registered in the container, and Serilog.AspNetCore writes one completion line per request.
/// </summary>
public static class RequestLogging
{
    /// <summary>The path never includes the query string: it can hold search terms or tokens.</summary>
    public const string MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

    /// <summary>The console line when <c>Serilog:WriteTo</c> configures no sink (every environment but Production).</summary>
    public const string ReadableConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {TraceId}{NewLine}{Exception}";

    /// <summary>
    /// Sinks come from <c>Serilog:WriteTo</c> when it has any (Production: CLEF on the console and in a daily file);
    /// otherwise a readable console. Not both in configuration: overriding a base sink's arguments per environment
    /// merges them (a console with both <c>outputTemplate</c> and <c>formatter</c> keeps the template, not JSON).
    /// </summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, IServiceProvider services, IConfiguration configuration)
    {
        logger.ReadFrom.Configuration(configuration).ReadFrom.Services(services).Enrich.FromLogContext();
        if (!configuration.GetSection("Serilog:WriteTo").GetChildren().Any())
        {
            logger.WriteTo.Console(outputTemplate: ReadableConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
        }

        return logger;
    }

    /// <summary>
    /// Besides method, path, status and elapsed ms, the line carries the trace id (the event's own, from the request's
    /// Activity), the route pattern and, once authenticated, the user id. Headers and bodies are never read here.
    /// </summary>
    public static void Configure(RequestLoggingOptions options, Serilog.ILogger hostLogger)
    {
        // The host's logger, not the static Log: each host (and each test host) owns its own (DependencyInjection.AddLogging).
        options.Logger = hostLogger;
        options.MessageTemplate = MessageTemplate;
        options.IncludeQueryInRequestPath = false;
        options.EnrichDiagnosticContext = (diagnostics, http) =>
        {
            // The exception handler clears the endpoint before writing the error; the feature it leaves keeps it.
            var endpoint = http.GetEndpoint() ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
            if (endpoint is RouteEndpoint { RoutePattern.RawText: { } pattern })
            {
                diagnostics.Set("RoutePattern", pattern);
            }

            if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                diagnostics.Set("UserId", userId);
            }
        };
    }
}
