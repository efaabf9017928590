namespace CleanApp.WebApi.Common;

/// <summary>
/// Conservative security headers on every response (NetEscapades.AspNetCore.SecurityHeaders is absent from the package
/// source). The API returns JSON only; the HTML pages (dashboard, Swagger UI, ReDoc) set their own CSP where they need
/// inline script, so no Content-Security-Policy is forced here.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
