using CleanApp.Application.Common.Exceptions;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Common.Behaviours;

/// <summary>
/// Outermost behaviour: logs failures that are not expected outcomes (validation, not found, ...), then rethrows so the
/// host maps them. The request itself is not logged: it may carry a password.
/// </summary>
public sealed class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<TRequest> logger) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        try
        {
            return await next();
        }
        catch (Exception ex) when (!IsExpected(ex))
        {
            logger.LogError(ex, "Request {RequestName} failed with an unhandled {ExceptionType}", typeof(TRequest).Name, ex.GetType().Name);
            throw;
        }
    }

    private static bool IsExpected(Exception ex) =>
        ex
            is ValidationException
                or NotFoundException
                or ForbiddenAccessException
                or ConflictException
                or TooManyRequestsException
                or AuthenticationFailedException
                or UnauthorizedAccessException
                or OperationCanceledException
                or Domain.Common.DomainException;
}
