using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Jobs.Monitoring;
using CleanApp.Application.Common.Security;
using CleanApp.WebApi.Common;
using CleanApp.WebApi.Dashboard;

namespace CleanApp.WebApi.Endpoints;

/// <summary>
/// The jobs dashboard (<c>/jobs</c>): pages need <see cref="JobsPolicies.Read"/>, actions (POST + antiforgery)
/// <see cref="JobsPolicies.Operate"/>. Pages read through <see cref="IJobMonitoringApi"/>; actions send Application
/// commands, which check the policy again and write the audit log. Nothing here touches the DbContext.
/// </summary>
public sealed class JobsDashboard : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(OpsAuthentication.BasePath).ExcludeFromDescription().RequireAuthorization(JobsPolicies.Read);
        pages.MapGet("/", DashboardPages.OverviewAsync);
        pages.MapGet("/stats", async (IJobMonitoringApi monitoring, CancellationToken ct) =>
            Results.Json(await monitoring.GetRealtimeCountersAsync(ct))
        );
        pages.MapGet("/queues", DashboardPages.QueuesAsync);
        pages.MapGet("/jobs/{state}", DashboardPages.JobListAsync);
        pages.MapGet("/retries", DashboardPages.RetriesAsync);
        pages.MapGet("/job/{id}", DashboardPages.JobDetailsAsync);
        pages.MapGet("/job/{id}/exception", async (string id, IJobMonitoringApi monitoring, CancellationToken ct) =>
            await monitoring.GetExceptionDetailsAsync(id, ct) is { } text
                ? Results.Text(text, "text/plain; charset=utf-8")
                : Results.NotFound()
        );
        pages.MapGet("/recurring", DashboardPages.RecurringAsync);
        pages.MapGet("/servers", DashboardPages.ServersAsync);
        pages.MapGet("/audit", async (HttpContext context, IAuditLog audit, long? before, CancellationToken ct) =>
            DashboardPages.Audit(context, await audit.GetPageAsync(before, 50, ct))
        );

        var actions = app.MapGroup(OpsAuthentication.BasePath)
            .ExcludeFromDescription()
            .RequireAuthorization(JobsPolicies.Operate)
            .AddEndpointFilterFactory(DashboardForms.ValidateAntiforgery);
        actions.MapPost("/actions/jobs/{action}", DashboardActions.JobsAsync);
        actions.MapPost("/actions/recurring/{action}", DashboardActions.RecurringAsync);
        actions.MapPost("/actions/queues/{action}", DashboardActions.QueueAsync);
    }
}
