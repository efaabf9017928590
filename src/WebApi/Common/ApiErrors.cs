namespace CleanApp.WebApi.Common;

/// <summary>
/// Writes the public API's error body, <c>{"errors":{"key":["message"]}}</c> (shared/API.md; docs/decisions/0007-error-contract.md).
/// </summary>
public static class ApiErrors
{
    public const string ApiPathPrefix = "/api";

    public static bool IsApiRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiPathPrefix, StringComparison.OrdinalIgnoreCase);

    public static Dictionary<string, string[]> One(string key, string message) => new(StringComparer.Ordinal) { [key] = [message] };

    public static Task WriteAsync(HttpContext context, int statusCode, IReadOnlyDictionary<string, string[]> errors)
    {
        context.Response.StatusCode = statusCode;
        var options = context
            .RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions;
        // A 5xx names its trace so support can find the logged exception; the body never carries the exception itself.
        var traceId = statusCode >= 500 ? System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier : null;
        return context.Response.WriteAsJsonAsync(new ErrorBody(errors, traceId), options, contentType: "application/json; charset=utf-8");
    }

    /// <summary>Error body for a status the framework produced without one (unknown route, wrong method, challenge, ...).</summary>
    public static Dictionary<string, string[]> ForStatus(HttpContext context, int statusCode) =>
        statusCode switch
        {
            StatusCodes.Status400BadRequest => One("body", "is invalid"),
            StatusCodes.Status401Unauthorized => context.Request.Headers.Authorization.Count > 0
                ? One("token", "is invalid")
                : One("token", "is missing"),
            StatusCodes.Status403Forbidden => One("user", "forbidden"),
            StatusCodes.Status404NotFound => One("route", "not found"),
            StatusCodes.Status405MethodNotAllowed => One("method", "not allowed"),
            StatusCodes.Status413PayloadTooLarge => One("body", "is too large"),
            StatusCodes.Status415UnsupportedMediaType => One("body", "must be application/json"),
            StatusCodes.Status429TooManyRequests => One("request", "too many requests"),
            >= 500 => One("server", "an unexpected error occurred"),
            _ => One("request", ReasonPhrases(statusCode)),
        };

    private static string ReasonPhrases(int statusCode) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode).ToLowerInvariant();

    public sealed record ErrorBody(
        IReadOnlyDictionary<string, string[]> Errors,
        [property: System.Text.Json.Serialization.JsonIgnore(
            Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull
        )]
            string? TraceId = null
    );
}

/// <summary>A request the WebApi itself refuses before it reaches Application (body shape, media type, size).</summary>
public sealed class ApiRequestException(int statusCode, string key, string message) : Exception($"{key} {message}")
{
    public int StatusCode { get; } = statusCode;

    public string Key { get; } = key;

    public string Reason { get; } = message;
}
