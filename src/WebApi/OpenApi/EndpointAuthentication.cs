using CleanApp.WebApi.Common;
using Microsoft.AspNetCore.Authorization;

namespace CleanApp.WebApi.OpenApi;

/// <summary>How an endpoint treats the <c>Authorization</c> header, read from the endpoint metadata that enforces it.</summary>
public enum EndpointAuthentication
{
    /// <summary>No token needed and none looked at (register, login, tags).</summary>
    None,

    /// <summary>Anonymous callers are served; a token, when sent, must be valid (<c>WithOptionalAuthentication</c>).</summary>
    Optional,

    /// <summary>A valid token is required (<c>RequireAuthorization</c>); anonymous callers get a 401.</summary>
    Required,
}

public static class EndpointAuthenticationMetadata
{
    /// <summary>
    /// Classifies an endpoint from its metadata, the same objects the authorization middleware and the optional-token filter
    /// act on: <see cref="IAllowAnonymous"/> wins (as in the middleware), then any <see cref="IAuthorizeData"/> or
    /// <see cref="AuthorizationPolicy"/> means required, then <see cref="OptionalAuthenticationMetadata"/> means optional.
    /// </summary>
    public static EndpointAuthentication Classify(IEnumerable<object> metadata)
    {
        var items = metadata as IReadOnlyCollection<object> ?? [.. metadata];
        if (items.OfType<IAllowAnonymous>().Any())
        {
            return EndpointAuthentication.None;
        }

        if (items.OfType<IAuthorizeData>().Any() || items.OfType<AuthorizationPolicy>().Any())
        {
            return EndpointAuthentication.Required;
        }

        return items.OfType<OptionalAuthenticationMetadata>().Any() ? EndpointAuthentication.Optional : EndpointAuthentication.None;
    }
}
