using CleanApp.Application.Jobs;
using CleanApp.Application.Jobs.Commands.DeleteJobs;
using CleanApp.Application.Jobs.Commands.DeleteRecurringJob;
using CleanApp.Application.Jobs.Commands.PauseQueue;
using CleanApp.Application.Jobs.Commands.PauseRecurringJob;
using CleanApp.Application.Jobs.Commands.RequeueJobs;
using CleanApp.Application.Jobs.Commands.TriggerRecurringJob;
using MediatR;

namespace CleanApp.WebApi.Dashboard;

/// <summary>Dashboard POSTs: bind the form, send the command, redirect back with a short result message (PRG).</summary>
public static class DashboardActions
{
    public static async Task<IResult> JobsAsync(string action, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        // A row's own button sends "id"; the bulk buttons send the checked "ids".
        IReadOnlyList<string> ids = form["id"].Count > 0 ? [.. form["id"].OfType<string>()] : [.. form["ids"].OfType<string>()];
        if (ids.Count == 0)
        {
            return Back(form["returnUrl"], "Select at least one job.", bad: true);
        }

        JobActionResult result = action switch
        {
            "requeue" => await mediator.Send(new RequeueJobsCommand(ids), ct),
            "enqueue" => await mediator.Send(new RequeueJobsCommand(ids, EnqueueNow: true), ct),
            "delete" => await mediator.Send(new DeleteJobsCommand(ids), ct),
            _ => throw new BadHttpRequestException("Unknown action.", StatusCodes.Status404NotFound),
        };
        var verb = action switch
        {
            "requeue" => "Requeued",
            "enqueue" => "Enqueued",
            _ => "Deleted",
        };
        var skipped = result.Skipped > 0 ? $", {result.Skipped} skipped" : string.Empty;
        return Back(form["returnUrl"], $"{verb} {result.Applied} job(s){skipped}.", bad: result.Applied == 0);
    }

    public static async Task<IResult> RecurringAsync(string action, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        var form = await context.Request.ReadFormAsync(ct);
        var id = form["id"].ToString();
        if (id.Length == 0)
        {
            return Back(form["returnUrl"], "No recurring job given.", bad: true);
        }

        string message;
        bool ok;
        switch (action)
        {
            case "trigger":
                var jobId = await mediator.Send(new TriggerRecurringJobCommand(id), ct);
                (ok, message) = (jobId is not null, jobId is null ? $"Recurring job {id} not found." : $"Triggered {id}: job {jobId}.");
                break;
            case "pause" or "enable":
                ok = await mediator.Send(new PauseRecurringJobCommand(id, action == "pause"), ct);
                message = ok ? $"{(action == "pause" ? "Paused" : "Enabled")} {id}." : $"Recurring job {id} not found.";
                break;
            case "delete":
                ok = await mediator.Send(new DeleteRecurringJobCommand(id), ct);
                message = ok ? $"Deleted recurring job {id}." : $"Recurring job {id} not found.";
                break;
            default:
                return Results.NotFound();
        }

        return Back(form["returnUrl"], message, bad: !ok, fallback: "/jobs/recurring");
    }

    public static async Task<IResult> QueueAsync(string action, HttpContext context, IMediator mediator, CancellationToken ct)
    {
        if (action is not ("pause" or "resume"))
        {
            return Results.NotFound();
        }

        var form = await context.Request.ReadFormAsync(ct);
        var queue = form["queue"].ToString();
        var changed = await mediator.Send(new PauseQueueCommand(queue, action == "pause"), ct);
        var message = changed
            ? $"Queue {queue} {(action == "pause" ? "paused" : "resumed")}."
            : $"Queue {queue} was already {(action == "pause" ? "paused" : "running")}.";
        return Back(form["returnUrl"], message, bad: !changed, fallback: "/jobs/queues");
    }

    private static IResult Back(string? returnUrl, string message, bool bad, string fallback = "/jobs")
    {
        var target = DashboardForms.SafeReturnUrl(returnUrl, fallback);
        var separator = target.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return Results.Redirect($"{target}{separator}{(bad ? "warn" : "done")}={Uri.EscapeDataString(message)}");
    }
}
