using CleanApp.Application.Common.Interfaces;
using CleanApp.WebApi.Common;
using CleanApp.WebApi.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using static CleanApp.WebApi.Dashboard.Html;

namespace CleanApp.WebApi.Endpoints;

/// <summary>Sign-in and sign-out for ops staff (<c>/jobs/login</c>, <c>/jobs/logout</c>); Hangfire's paths redirect to <c>/jobs</c>.</summary>
public sealed class JobsDashboardAccount : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(OpsAuthentication.BasePath).ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/login", (HttpContext context, string? returnUrl) => LoginPage(context, returnUrl, error: null));
        group.MapPost("/login", SignInAsync).AddEndpointFilterFactory(DashboardForms.ValidateAntiforgery);

        // Authenticated with the Ops scheme, so the antiforgery token (bound to the ops user) validates.
        app.MapPost(OpsAuthentication.LogoutPath, (Delegate)SignOutAsync)
            .ExcludeFromDescription()
            .RequireAuthorization(new AuthorizationPolicyBuilder(OpsAuthentication.Scheme).RequireAuthenticatedUser().Build())
            .AddEndpointFilterFactory(DashboardForms.ValidateAntiforgery);

        // Ops staff used to Hangfire keep their bookmarks.
        app.MapGet("/hangfire", () => Results.Redirect(OpsAuthentication.BasePath)).ExcludeFromDescription();
        app.MapGet("/hangfire/{**path}", (string? path) => Results.Redirect(HangfirePath(path))).ExcludeFromDescription();
    }

    public static string HangfirePath(string? path)
    {
        var segments = (path ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["jobs", "details", var id] => $"/jobs/job/{Url(id)}",
            ["jobs", var state] when TryParseState(state, out var s) => $"/jobs/jobs/{StateSlug(s)}",
            [var page] when page is "retries" or "recurring" or "servers" or "queues" => $"/jobs/{page}",
            _ => OpsAuthentication.BasePath,
        };
    }

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
                return Results.Redirect(DashboardForms.SafeReturnUrl(returnUrl));
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
        var message = error is null ? string.Empty : $"<p class=\"flash bad\" role=\"alert\">{E(error)}</p>";
        var body = $"""
            <form class="login" method="post" action="{OpsAuthentication.LoginPath}">
              {message}
              {DashboardForms.TokenInput(context)}
              <input type="hidden" name="returnUrl" value="{E(DashboardForms.SafeReturnUrl(returnUrl))}">
              <label>Email <input name="email" type="email" autocomplete="username" required autofocus></label>
              <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
              <button class="btn primary" type="submit">Sign in</button>
              <p class="muted">Ops accounts only. See docs/dashboard.md to create one.</p>
            </form>
            """;
        return DashboardLayout.Page(context, "Sign in", "login", body, statusCode: statusCode);
    }
}
