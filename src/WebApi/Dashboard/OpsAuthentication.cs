using System.Security.Claims;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CleanApp.WebApi.Dashboard;

/// <summary>
/// Cookie sign-in for ops staff, separate from the public API's bearer tokens: the dashboard's policies authenticate
/// with this scheme only, so a public API token never counts, and the cookie is scoped to Hangfire's dashboard path.
/// </summary>
public static class OpsAuthentication
{
    public const string Scheme = "Ops";
    public const string SecurityStampClaim = "cleanapp:ops:stamp";
    public const string BasePath = "/hangfire";
    public const string LoginPath = BasePath + "/login";
    public const string LogoutPath = BasePath + "/logout";

    public static AuthenticationBuilder AddOpsCookie(this AuthenticationBuilder builder, IConfiguration configuration) =>
        builder.AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "CleanApp.Ops";
            o.Cookie.Path = BasePath;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = LoginPath;
            o.LogoutPath = LogoutPath;
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = configuration.GetValue("Jobs:Dashboard:SessionLifetime", TimeSpan.FromHours(8));
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context =>
            {
                // Pages send the visitor to sign in; an action (POST) without a session is simply refused.
                if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }

                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = ValidateAsync;
        });

    public static void AddJobsPolicies(Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(JobsPolicies.Read, p =>
            p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(OpsRoles.Reader, OpsRoles.Operator)
        );
        options.AddPolicy(JobsPolicies.Operate, p =>
            p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireRole(OpsRoles.Operator)
        );
    }

    public static ClaimsPrincipal CreatePrincipal(OpsAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserId.ToString()),
            new(ClaimTypes.Name, account.Email),
            new(SecurityStampClaim, account.SecurityStamp),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// Every request re-reads the account (one key lookup): a deleted or demoted ops user, or one whose
    /// password was reset (new security stamp), loses the session at once instead of when the cookie expires.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await RejectAsync(context);
            return;
        }

        var account = await context.HttpContext.RequestServices.GetRequiredService<IOpsUserService>().FindActiveAsync(userId);
        if (
            account is null
            || !string.Equals(account.SecurityStamp, principal!.FindFirstValue(SecurityStampClaim), StringComparison.Ordinal)
        )
        {
            await RejectAsync(context);
            return;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal);
        if (!roles.SequenceEqual(account.Roles, StringComparer.Ordinal))
        {
            context.ReplacePrincipal(CreatePrincipal(account));
            context.ShouldRenew = true;
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
