using System.Reflection;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;

namespace CleanApp.Application.Common.Behaviours;

/// <summary>
/// Enforces <see cref="AuthorizeAttribute"/> on the request type before validation runs (401, then 403). The identity
/// service is lazy: it drags in Identity's UserManager with its store and validators, and every request builds this
/// behaviour, but only the few with roles or policies need it (issue 12: it was a tenth of a read's CPU).
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser currentUser, Lazy<IIdentityService> identityService)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly AuthorizeAttribute[] Attributes = typeof(TRequest).GetCustomAttributes<AuthorizeAttribute>().ToArray();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (Attributes.Length == 0)
        {
            return await next();
        }

        if (currentUser.Id is not { } userId)
        {
            throw AuthenticationFailedException.MissingToken();
        }

        var roles = Attributes
            .SelectMany(a => a.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
        if (roles.Length > 0)
        {
            var inAnyRole = false;
            foreach (var role in roles)
            {
                if (await identityService.Value.IsInRoleAsync(userId, role))
                {
                    inAnyRole = true;
                    break;
                }
            }

            if (!inAnyRole)
            {
                throw new ForbiddenAccessException("user");
            }
        }

        foreach (var policy in Attributes.Select(a => a.Policy).Where(p => p.Length > 0))
        {
            if (!await identityService.Value.AuthorizeAsync(userId, policy))
            {
                throw new ForbiddenAccessException("user");
            }
        }

        return await next();
    }
}
