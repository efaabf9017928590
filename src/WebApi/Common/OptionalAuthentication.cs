using CleanApp.Application.Common.Exceptions;

namespace CleanApp.WebApi.Common;

public static class OptionalAuthentication
{
    /// <summary>
    /// For endpoints where a token is optional (it only changes <c>following</c>/<c>favorited</c>): no Authorization header
    /// means anonymous, but a header that does not authenticate is a 401, never a silent downgrade to anonymous. The filter and
    /// <see cref="OptionalAuthenticationMetadata"/>, which the OpenAPI document reads to describe the operation's security as
    /// optional, are only ever added together here; a test checks every documented operation's security against the
    /// server's answers to anonymous and invalid-token requests.
    /// </summary>
    public static RouteHandlerBuilder WithOptionalAuthentication(this RouteHandlerBuilder builder) =>
        builder
            .WithMetadata(OptionalAuthenticationMetadata.Instance)
            .AddEndpointFilter(
                async (context, next) =>
                {
                    var http = context.HttpContext;
                    var header = http.Request.Headers.Authorization.ToString();
                    if (!string.IsNullOrWhiteSpace(header) && http.User.Identity?.IsAuthenticated != true)
                    {
                        throw new AuthenticationFailedException("token", "is invalid");
                    }

                    return await next(context);
                }
            )
            .ProducesApiErrors(StatusCodes.Status401Unauthorized);
}

/// <summary>Marks an endpoint whose token is optional; see <see cref="OptionalAuthentication"/>.</summary>
public sealed class OptionalAuthenticationMetadata
{
    public static readonly OptionalAuthenticationMetadata Instance = new();

    private OptionalAuthenticationMetadata() { }
}
