using CleanApp.Application.Common.Exceptions;

namespace CleanApp.WebApi.Common;

public static class OptionalAuthentication
{
    /// <summary>
    /// For endpoints where a token is optional (it only changes <c>following</c>/<c>favorited</c>): no Authorization header
    /// means anonymous, but a header that does not authenticate is a 401, never a silent downgrade to anonymous.
    /// </summary>
    public static RouteHandlerBuilder WithOptionalAuthentication(this RouteHandlerBuilder builder) =>
        builder
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
