using System.Diagnostics;
using CleanApp.Application.Common.Interfaces;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Common.Behaviours;

/// <summary>Warns about requests slower than <see cref="ThresholdMilliseconds"/>, with the caller's id but never the payload.</summary>
public sealed class PerformanceBehaviour<TRequest, TResponse>(ILogger<TRequest> logger, ICurrentUser currentUser)
    : IPipelineBehavior<TRequest, TResponse>
{
    public const long ThresholdMilliseconds = 500;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next();
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (elapsed > ThresholdMilliseconds)
        {
            logger.LogWarning(
                "Slow request {RequestName} took {ElapsedMilliseconds} ms (user {UserId})",
                typeof(TRequest).Name,
                elapsed,
                currentUser.Id
            );
        }

        return response;
    }
}
