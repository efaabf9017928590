using System.Text.Encodings.Web;
using CleanApp.Application.Common.Interfaces;
using CleanApp.WebApi.Common;
using CleanApp.WebApi.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using NetEscapades.AspNetCore.SecurityHeaders;

namespace CleanApp.WebApi.Endpoints;

/// <summary>
/// Sign-in and sign-out for ops staff (<c>/hangfire/login</c>, <c>/hangfire/logout</c>); the old dashboard's <c>/jobs</c>
/// paths redirect to Hangfire's dashboard.
/// </summary>
public sealed class JobsDashboardAccount : IEndpointGroup
{
    public const string TokenField = "__RequestVerificationToken";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(OpsAuthentication.BasePath).ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/login", (HttpContext context, string? returnUrl) => LoginPage(context, returnUrl, error: null));
        group.MapPost("/login", SignInAsync).AddEndpointFilterFactory(ValidateAntiforgery);

        // Authenticated with the Ops scheme, so the antiforgery token (bound to the ops user) validates.
        app.MapPost(OpsAuthentication.LogoutPath, (Delegate)SignOutAsync)
            .ExcludeFromDescription()
            .RequireAuthorization(new AuthorizationPolicyBuilder(OpsAuthentication.Scheme).RequireAuthenticatedUser().Build())
            .AddEndpointFilterFactory(ValidateAntiforgery);

        app.MapGet("/jobs", () => Results.Redirect(OpsAuthentication.BasePath)).ExcludeFromDescription();
        app.MapGet("/jobs/{**path}", () => Results.Redirect(OpsAuthentication.BasePath)).ExcludeFromDescription();
    }

    public static string TokenInput(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{TokenField}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>Only local paths under the dashboard, so a crafted returnUrl cannot send the user elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl.StartsWith(OpsAuthentication.BasePath, StringComparison.Ordinal)
        && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : OpsAuthentication.BasePath;

    private static EndpointFilterDelegate ValidateAntiforgery(EndpointFilterFactoryContext factoryContext, EndpointFilterDelegate next) =>
        async invocation =>
        {
            var http = invocation.HttpContext;
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Bad Request",
                    detail: "The form's antiforgery token is missing or invalid. Reload the page and try again."
                );
            }

            return await next(invocation);
        };

    private static async Task<IResult> SignInAsync(HttpContext context, IOpsUserService opsUsers, ILogger<JobsDashboardAccount> logger)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var email = form["email"].ToString().Trim();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (email.Length == 0 || password.Length == 0)
        {
            return LoginPage(context, returnUrl, "Enter your email and password.", StatusCodes.Status400BadRequest);
        }

        var result = await opsUsers.CheckCredentialsAsync(email, password);
        switch (result.Status)
        {
            case OpsSignInStatus.Succeeded:
                await context.SignInAsync(OpsAuthentication.Scheme, OpsAuthentication.CreatePrincipal(result.Account!));
                logger.LogInformation("Ops user {OpsUserId} signed in to the dashboard", result.Account!.UserId);
                return Results.Redirect(SafeReturnUrl(returnUrl));
            case OpsSignInStatus.LockedOut:
                logger.LogWarning("Dashboard sign-in refused: account locked out");
                return LoginPage(
                    context,
                    returnUrl,
                    "Too many failed attempts: this account is locked for a while.",
                    StatusCodes.Status401Unauthorized
                );
            default:
                // The same message for a wrong password and for a valid public user without an ops role.
                return LoginPage(
                    context,
                    returnUrl,
                    "Invalid email or password, or not an ops account.",
                    StatusCodes.Status401Unauthorized
                );
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(OpsAuthentication.Scheme);
        return Results.Redirect(OpsAuthentication.LoginPath);
    }

    private static IResult LoginPage(HttpContext context, string? returnUrl, string? error, int statusCode = StatusCodes.Status200OK)
    {
        var message = error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{E(error)}</p>";
        var html = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark"><title>Sign in · CleanApp jobs</title>
            <style nonce="{{context.GetNonce()}}">body{font:14px system-ui,sans-serif;margin:0}form{max-width:320px;margin:4rem auto;padding:1.25rem;border:1px solid #8884;border-radius:6px}
            label{display:block;margin:.6rem 0}input{width:100%;box-sizing:border-box;padding:.35rem;font:inherit}.error{color:#c33}button{font:inherit;padding:.35rem 1rem}</style></head>
            <body><form method="post" action="{{OpsAuthentication.LoginPath}}">
              <h1>CleanApp jobs</h1>
              {{message}}
              {{TokenInput(context)}}
              <input type="hidden" name="returnUrl" value="{{E(SafeReturnUrl(returnUrl))}}">
              <label>Email <input name="email" type="email" autocomplete="username" required autofocus></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
              <p>Ops accounts only (docs/dashboard.md).</p>
            </form></body></html>
            """;
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, statusCode);
    }

    private static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);
}
