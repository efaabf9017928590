using System.Globalization;
using System.Security.Claims;
using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Security;
using CleanApp.WebApi.Endpoints;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace CleanApp.WebApi.Dashboard;

/// <summary>
/// Hangfire's own dashboard at <c>/hangfire</c> (docs/dashboard.md): behind the ops cookie and the <see cref="JobsPolicies.Read"/>
/// policy, never local-requests-only or anonymous; readers get Hangfire's read-only mode; Hangfire checks antiforgery on
/// every action; each action is written to the audit log, which ops read on the dashboard's own "Audit log" page.
/// </summary>
public static class HangfireDashboard
{
    private static readonly Lock ExtensionLock = new();
    private static bool _extended;

    /// <summary>
    /// What <c>MapHangfireDashboardWithAuthorizationPolicy</c> does, plus the audit middleware in the dashboard's own
    /// pipeline, and the per-host storage handed over explicitly.
    /// </summary>
    public static IEndpointConventionBuilder MapOpsHangfireDashboard(this IEndpointRouteBuilder endpoints)
    {
        AddAuditPage();
        var app = endpoints.CreateApplicationBuilder();
        var services = app.ApplicationServices;
        var options = new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(OpsRoles.Operator),
            DashboardTitle = "CleanApp jobs",
            AppPath = null,
            DarkModeEnabled = true,
            DisplayStorageConnectionString = false,
            TimeZoneResolver = services.GetService<ITimeZoneResolver>(),
        };
        var pipeline = app.UsePathBase(OpsAuthentication.BasePath)
            .UseMiddleware<DashboardAuditMiddleware>()
            .UseMiddleware<AspNetCoreDashboardMiddleware>(
                services.GetRequiredService<JobStorage>(),
                options,
                services.GetRequiredService<Hangfire.Dashboard.RouteCollection>(),
                true
            )
            .Build();
        return endpoints
            .Map(OpsAuthentication.BasePath + "/{**path}", pipeline)
            .RequireAuthorization(JobsPolicies.Read)
            .ExcludeFromDescription();
    }

    /// <summary>
    /// Hangfire's routes, menu and script bundle are process-wide; the page reads the audit log of whichever host serves it.
    /// </summary>
    private static void AddAuditPage()
    {
        lock (ExtensionLock)
        {
            if (_extended)
            {
                return;
            }

            DashboardRoutes.Routes.AddRazorPage(AuditPage.Path, _ => new AuditPage());
            DashboardRoutes.AddJavaScript(typeof(AuditPage).Assembly, "CleanApp.WebApi.Dashboard.chartjs-no-css-injection.js");
            NavigationMenu.Items.Add(page => new MenuItem("Audit log", page.Url.To(AuditPage.Path))
            {
                Active = page.RequestPath.StartsWith(AuditPage.Path, StringComparison.Ordinal),
            });
            _extended = true;
        }
    }
}

/// <summary>
/// Writes one audit entry per job (or recurring job) a dashboard action names: who, which action, which target, outcome,
/// when. Refused attempts (a reader's POST, a bad antiforgery token) are recorded too. Stats polling is not an action.
/// </summary>
public sealed class DashboardAuditMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IAuditLog audit)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!HttpMethods.IsPost(context.Request.Method) || path is "/stats")
        {
            await next(context);
            return;
        }

        var targets = new List<string>();
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            targets.AddRange(form["jobs[]"].Where(v => !string.IsNullOrEmpty(v))!);
        }

        var (action, kind) = Describe(path, targets);
        await next(context);

        var status = context.Response.StatusCode;
        var outcome = status switch
        {
            >= 200 and < 300 => "ok",
            StatusCodes.Status401Unauthorized => "refused: read-only user",
            StatusCodes.Status403Forbidden => "refused: antiforgery token missing or invalid",
            _ => string.Create(CultureInfo.InvariantCulture, $"failed: HTTP {status}"),
        };
        foreach (var target in targets.DefaultIfEmpty("(none)"))
        {
            await audit.WriteAsync(action, $"{kind} {target}", outcome, CancellationToken.None);
        }
    }

    private static (string Action, string Kind) Describe(string path, List<string> targets)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["jobs", "actions", var verb, var id]:
                targets.Add(Uri.UnescapeDataString(id));
                return ($"job.{verb}", "job");
            case ["jobs", var state, var verb]:
                return ($"job.{verb}", $"{state} job");
            case ["recurring", var verb]:
                return ($"recurring.{verb}", "recurring");
            default:
                return ($"dashboard.post {path}", "target");
        }
    }
}

/// <summary>The audit log as a page of Hangfire's dashboard (its layout, navigation and dark mode), newest first.</summary>
public sealed class AuditPage : RazorPage
{
    public const string Path = "/audit";
    private const int PageSize = 50;

    public override void Execute()
    {
        Layout = new LayoutPage("Audit log");
        var http = Context.GetHttpContext();
        var before = long.TryParse(Query("before"), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : (long?)null;
        var entries = http
            .RequestServices.GetRequiredService<IAuditLog>()
            .GetPageAsync(before, PageSize, http.RequestAborted)
            .GetAwaiter()
            .GetResult();
        var user = http.User.FindFirstValue(ClaimTypes.Name);
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);

        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Audit log</h1>");
        WriteLiteral("<p>Signed in as <strong data-testid=\"current-user\">");
        Write(user);
        WriteLiteral(IsReadOnly ? "</strong> (read-only).</p>" : "</strong> (operator).</p>");
        // A class, not a style attribute: the dashboard's CSP allows no inline styles (Common/SecurityHeaders.cs).
        WriteLiteral($"<form method=\"post\" action=\"{OpsAuthentication.LogoutPath}\" class=\"pull-right\">");
        WriteLiteral($"<input type=\"hidden\" name=\"{JobsDashboardAccount.TokenField}\" value=\"");
        Write(tokens.RequestToken);
        WriteLiteral("\"><button type=\"submit\" class=\"btn btn-default btn-sm\">Sign out</button></form>");
        WriteLiteral("<p>Every action taken on this dashboard, newest first.</p>");
        WriteLiteral(
            "<div class=\"table-responsive\"><table class=\"table\" id=\"audit\"><thead><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>Target</th><th>Outcome</th></tr></thead><tbody>"
        );
        foreach (var entry in entries)
        {
            WriteLiteral("<tr><td>");
            Write(entry.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            WriteLiteral("</td><td>");
            Write(entry.Actor);
            WriteLiteral("</td><td><code>");
            Write(entry.Action);
            WriteLiteral("</code></td><td>");
            Write(entry.Target);
            WriteLiteral("</td><td>");
            Write(entry.Outcome);
            WriteLiteral("</td></tr>");
        }

        if (entries.Count == 0)
        {
            WriteLiteral("<tr><td colspan=\"5\">No actions yet.</td></tr>");
        }

        WriteLiteral("</tbody></table></div>");
        if (entries.Count == PageSize)
        {
            WriteLiteral(
                $"<a class=\"btn btn-default\" href=\"{Url.To(Path)}?before={entries[^1].Id.ToString(CultureInfo.InvariantCulture)}\">Older</a>"
            );
        }

        WriteLiteral("</div></div>");
    }
}
