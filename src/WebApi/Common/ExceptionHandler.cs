using CleanApp.Application.Common.Exceptions;
using CleanApp.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CleanApp.WebApi.Common;

/// <summary>
/// The one closed map from exceptions to HTTP (docs/decisions/0007-error-contract.md). Under <c>/api</c> the body is the
/// <c>{"errors":{...}}</c> shape; elsewhere ProblemDetails with the trace id. Anything unknown is a 500 without details.
/// </summary>
public sealed class ExceptionHandler(IProblemDetailsService problemDetails, ILogger<ExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, errors) = Map(exception);
        if (exception is TooManyRequestsException throttled)
        {
            // Whole seconds, rounded up: a client that waits exactly this long is let through.
            var seconds = Math.Max(1, (long)Math.Ceiling(throttled.RetryAfter.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        if (ApiErrors.IsApiRequest(httpContext))
        {
            await ApiErrors.WriteAsync(httpContext, status, errors);
            return true;
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
        };
        if (status < 500)
        {
            problem.Extensions["errors"] = errors;
        }

        return await problemDetails.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = problem,
                Exception = exception,
            }
        );
    }

    public static (int Status, IReadOnlyDictionary<string, string[]> Errors) Map(Exception exception) =>
        exception switch
        {
            ValidationException e => (StatusCodes.Status422UnprocessableEntity, e.Errors),
            DomainException e => (StatusCodes.Status422UnprocessableEntity, ApiErrors.One(e.Key, e.Message)),
            NotFoundException e => (StatusCodes.Status404NotFound, ApiErrors.One(e.Key, "not found")),
            ForbiddenAccessException e => (StatusCodes.Status403Forbidden, ApiErrors.One(e.Key, e.Reason)),
            TooManyRequestsException e => (StatusCodes.Status429TooManyRequests, ApiErrors.One(e.Key, e.Reason)),
            ConflictException e => (StatusCodes.Status409Conflict, e.Errors),
            UniqueConstraintViolationException => (
                StatusCodes.Status409Conflict,
                ApiErrors.One("request", "conflicts with a concurrent change; retry")
            ),
            AuthenticationFailedException e => (StatusCodes.Status401Unauthorized, ApiErrors.One(e.Key, e.Reason)),
            UnauthorizedAccessException => (StatusCodes.Status401Unauthorized, ApiErrors.One("token", "is missing")),
            ApiRequestException e => (e.StatusCode, ApiErrors.One(e.Key, e.Reason)),
            BadHttpRequestException e => (e.StatusCode, ApiErrors.One("request", "is invalid")),
            _ => (StatusCodes.Status500InternalServerError, ApiErrors.One("server", "an unexpected error occurred")),
        };
}
