using System.Diagnostics;

namespace CleanApp.WebApi.Common;

/// <summary>
/// One structured line per request (Serilog.AspNetCore is absent from the package source). The trace id is in the
/// scope, so every log line written while handling the request carries it too. Query strings are not logged: they
/// can hold search terms or tokens.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        using var scope = logger.BeginScope(
            new Dictionary<string, object> { ["TraceId"] = traceId, ["RequestPath"] = context.Request.Path.Value ?? string.Empty }
        );
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = context.Response.StatusCode;
            var level = status >= 500 ? LogLevel.Error : LogLevel.Information;
            logger.Log(
                level,
                "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms",
                context.Request.Method,
                context.Request.Path.Value,
                status,
                elapsed
            );
        }
    }
}
