using System.Globalization;
using System.Text;
using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Jobs.Monitoring;
using static CleanApp.WebApi.Dashboard.Html;

namespace CleanApp.WebApi.Dashboard;

/// <summary>The server-rendered pages. Action buttons and checkboxes are rendered only for operators.</summary>
public static class DashboardPages
{
    public static async Task<IResult> OverviewAsync(HttpContext context, IJobMonitoringApi monitoring, CancellationToken ct)
    {
        var stats = await monitoring.GetStatisticsAsync(ct);
        var hourly = await monitoring.GetHourlyHistoryAsync(24, ct);
        var daily = await monitoring.GetDailyHistoryAsync(7, ct);
        var now = await monitoring.GetRealtimeCountersAsync(ct);

        var body = new StringBuilder();
        body.Append(Flash(context)).Append("<div class=\"tiles\">");
        foreach (var state in Enum.GetValues<JobState>())
        {
            var count = state switch
            {
                JobState.Succeeded => Number(stats.SucceededTotal),
                JobState.Deleted => Number(stats.DeletedTotal),
                _ => stats.States[state].ToString(),
            };
            body.Append(Tile($"/jobs/jobs/{StateSlug(state)}", state.ToString(), count, $"tile-{StateSlug(state)}"));
        }

        body.Append(Tile("/jobs/retries", "Retries", stats.Retries.ToString(), "tile-retries"))
            .Append(Tile("/jobs/recurring", "Recurring", Number(stats.Recurring), "tile-recurring"))
            .Append(Tile("/jobs/servers", "Servers", Number(stats.Servers), "tile-servers"))
            .Append(Tile("/jobs/queues", "Queues", Number(stats.Queues), "tile-queues"))
            .Append("</div>");
        body.Append(
            "<p class=\"muted\">Succeeded and Deleted show all-time totals from the counters; other tiles count current jobs (capped).</p>"
        );

        body.Append("<div class=\"charts\">");
        body.Append(
            $"""
            <div class="chart"><h2>Realtime</h2><p class="legend"><span><i class="sw" data-c="ok"></i>succeeded</span><span><i class="sw" data-c="bad"></i>failed</span> <span class="muted">per 2 s, live</span></p>
            <svg id="realtime" viewBox="0 0 600 160" preserveAspectRatio="none" data-succeeded="{now.Succeeded}" data-failed="{now.Failed}" role="img" aria-label="Realtime succeeded and failed jobs"></svg>
            <p class="muted" id="realtime-status">Waiting for data…</p></div>
            """
        );
        body.Append(HistoryChart("History: last 24 hours (hourly)", "history-hourly", hourly, "HH:mm"));
        body.Append(HistoryChart("History: last 7 days (daily)", "history-daily", daily, "MM-dd"));
        body.Append("</div>");

        return DashboardLayout.Page(context, "Overview", "overview", body.ToString(), RealtimeScript);
    }

    public static async Task<IResult> QueuesAsync(HttpContext context, IJobMonitoringApi monitoring, CancellationToken ct)
    {
        var queues = await monitoring.GetQueuesAsync(5, ct);
        var operate = DashboardLayout.CanOperate(context);
        var body = new StringBuilder(Flash(context));
        if (queues.Count == 0)
        {
            body.Append("<p class=\"muted\">No queues yet.</p>");
        }
        else
        {
            body.Append(
                "<table id=\"queues\"><thead><tr><th>Queue</th><th class=\"num\">Length</th><th class=\"num\">In flight</th><th>Status</th><th>First jobs</th>"
            );
            body.Append(operate ? "<th>Actions</th>" : string.Empty).Append("</tr></thead><tbody>");
            foreach (var queue in queues)
            {
                body.Append(
                    $"<tr data-queue=\"{E(queue.Name)}\"><td><strong>{E(queue.Name)}</strong></td><td class=\"num\">{queue.Length}</td><td class=\"num\">{queue.InFlight}</td>"
                );
                body.Append(
                    queue.IsPaused
                        ? $"<td><span class=\"badge s-failed\">paused</span> <span class=\"muted\">{Time(queue.PausedAt)} {E(queue.PausedBy)}</span></td>"
                        : "<td><span class=\"badge s-succeeded\">running</span></td>"
                );
                body.Append("<td>");
                body.Append(
                    queue.FirstJobs.Count == 0
                        ? "<span class=\"muted\">empty</span>"
                        : string.Join(
                            "<br>",
                            queue.FirstJobs.Select(j =>
                                $"{JobLink(j.Id)} {E(j.DisplayName)} <span class=\"muted\">{Time(j.StateChangedAt)}</span>"
                            )
                        )
                );
                body.Append("</td>");
                if (operate)
                {
                    var fields = new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["queue"] = queue.Name,
                        ["returnUrl"] = "/jobs/queues",
                    };
                    body.Append("<td>")
                        .Append(
                            queue.IsPaused
                                ? DashboardForms.Button(context, "/jobs/actions/queues/resume", "Resume", fields)
                                : DashboardForms.Button(
                                    context,
                                    "/jobs/actions/queues/pause",
                                    "Pause",
                                    fields,
                                    confirm: $"Pause queue {queue.Name}? Workers stop claiming its jobs."
                                )
                        );
                    body.Append("</td>");
                }

                body.Append("</tr>");
            }

            body.Append("</tbody></table>");
        }

        return DashboardLayout.Page(context, "Queues", "queues", body.ToString());
    }

    public static Task<IResult> JobListAsync(string state, HttpContext context, IJobMonitoringApi monitoring, CancellationToken ct) =>
        TryParseState(state, out var parsed)
            ? RenderListAsync(context, monitoring, parsed, retries: false, ct)
            : Task.FromResult(
                DashboardLayout.Page(context, "Not found", "overview", "<p>No such state.</p>", statusCode: StatusCodes.Status404NotFound)
            );

    public static Task<IResult> RetriesAsync(HttpContext context, IJobMonitoringApi monitoring, CancellationToken ct) =>
        RenderListAsync(context, monitoring, JobState.Scheduled, retries: true, ct);

    private static async Task<IResult> RenderListAsync(
        HttpContext context,
        IJobMonitoringApi monitoring,
        JobState state,
        bool retries,
        CancellationToken ct
    )
    {
        var q = context.Request.Query;
        var query = new JobListQuery
        {
            State = state,
            Retries = retries,
            Kind = Blank(q["kind"]),
            Queue = Blank(q["queue"]),
            From = ParseTime(q["from"]),
            To = ParseTime(q["to"]),
            Search = Blank(q["q"]),
            After = Blank(q["after"]),
            Before = Blank(q["before"]),
            PageSize = int.TryParse(q["size"], CultureInfo.InvariantCulture, out var size)
                ? Math.Clamp(size, 1, JobListQuery.MaxPageSize)
                : 20,
        };
        var page = await monitoring.GetJobsAsync(query, ct);
        var operate = DashboardLayout.CanOperate(context);
        var title = retries ? "Retries" : $"{state} jobs";
        var active = retries ? "retries" : StateSlug(state);
        var path = retries ? "/jobs/retries" : $"/jobs/jobs/{StateSlug(state)}";
        var returnUrl = context.Request.Path + context.Request.QueryString.ToString();

        var body = new StringBuilder(Flash(context));
        body.Append(Filters(path, query, monitoring.GetKinds()));
        body.Append(
            $"<p><strong data-testid=\"count\">{page.Count}</strong> job(s){(query.Search is null ? string.Empty : $" <span class=\"muted\">(text search looks through the newest {Number(JobListQuery.SearchWindow)} matching the other filters)</span>")}</p>"
        );

        var actions = ActionsFor(state, retries);
        body.Append(
            $"<form method=\"post\" id=\"bulk\">{DashboardForms.TokenInput(context)}<input type=\"hidden\" name=\"returnUrl\" value=\"{E(returnUrl)}\">"
        );
        if (operate && page.Items.Count > 0)
        {
            body.Append("<div class=\"toolbar\"><span class=\"muted\">Selected:</span>");
            foreach (var (action, label) in actions)
            {
                body.Append(
                    $"<button class=\"btn{(action == "delete" ? " danger" : string.Empty)}\" type=\"submit\" formaction=\"/jobs/actions/jobs/{action}\" data-bulk=\"{action}\">{label}</button>"
                );
            }

            body.Append("</div>");
        }

        body.Append("<table id=\"jobs\"><thead><tr>");
        if (operate)
        {
            body.Append("<th><input type=\"checkbox\" data-select-all aria-label=\"Select all\"></th>");
        }

        body.Append("<th>Id</th><th>Job</th><th>Queue</th>");
        body.Append(
            state switch
            {
                JobState.Scheduled when retries => "<th>Retry</th><th>Next attempt</th><th>Last exception</th>",
                JobState.Scheduled => "<th>Enqueue at</th><th>Scheduled</th>",
                JobState.Enqueued => "<th>Enqueued</th><th>Created</th>",
                JobState.Processing => "<th>Started</th><th>Server</th><th class=\"num\">Latency</th>",
                JobState.Succeeded => "<th>Succeeded</th><th class=\"num\">Latency</th><th class=\"num\">Duration</th>",
                JobState.Failed => "<th>Failed</th><th>Exception</th>",
                JobState.Deleted => "<th>Deleted</th><th>Reason</th>",
                _ => "<th>Awaiting since</th><th>Created</th>",
            }
        );
        body.Append(operate ? "<th>Actions</th>" : string.Empty).Append("</tr></thead><tbody>");

        foreach (var job in page.Items)
        {
            body.Append($"<tr data-job-id=\"{E(job.Id)}\">");
            if (operate)
            {
                body.Append($"<td><input type=\"checkbox\" name=\"ids\" value=\"{E(job.Id)}\" aria-label=\"Select {E(job.Id)}\"></td>");
            }

            body.Append(
                $"<td>{JobLink(job.Id)}</td><td>{E(job.DisplayName)}<br><code class=\"muted\">{E(job.Kind)}</code></td><td>{E(job.Queue)}</td>"
            );
            body.Append(
                state switch
                {
                    JobState.Scheduled when retries =>
                        $"<td>retry {job.RetryCount} of {job.MaxRetries}</td><td>{Time(job.RunAt)}</td><td>{Exception(job)}</td>",
                    JobState.Scheduled => $"<td>{Time(job.RunAt)}</td><td>{Time(job.StateChangedAt)}</td>",
                    JobState.Enqueued => $"<td>{Time(job.StateChangedAt)}</td><td>{Time(job.CreatedAt)}</td>",
                    JobState.Processing =>
                        $"<td>{Time(job.StartedAt)}</td><td>{E(job.Server)}</td><td class=\"num\">{Ms(job.LatencyMs)}</td>",
                    JobState.Succeeded =>
                        $"<td>{Time(job.StateChangedAt)}</td><td class=\"num\">{Ms(job.LatencyMs)}</td><td class=\"num\">{Ms(job.DurationMs)}</td>",
                    JobState.Failed => $"<td>{Time(job.StateChangedAt)}</td><td>{Exception(job)}</td>",
                    JobState.Deleted => $"<td>{Time(job.StateChangedAt)}</td><td>{E(job.StateReason)}</td>",
                    _ => $"<td>{Time(job.StateChangedAt)}</td><td>{Time(job.CreatedAt)}</td>",
                }
            );
            if (operate)
            {
                body.Append("<td>");
                foreach (var (action, label) in actions)
                {
                    body.Append(
                        $"<button class=\"btn{(action == "delete" ? " danger" : string.Empty)}\" type=\"submit\" name=\"id\" value=\"{E(job.Id)}\" formaction=\"/jobs/actions/jobs/{action}\" data-action=\"{action}\">{label}</button> "
                    );
                }

                body.Append("</td>");
            }

            body.Append("</tr>");
        }

        if (page.Items.Count == 0)
        {
            body.Append($"<tr><td colspan=\"9\" class=\"muted\">No jobs.</td></tr>");
        }

        body.Append("</tbody></table></form>");
        body.Append(Pager(path, query, page));
        return DashboardLayout.Page(context, title, active, body.ToString());
    }

    public static async Task<IResult> JobDetailsAsync(string id, HttpContext context, IJobMonitoringApi monitoring, CancellationToken ct)
    {
        var details = await monitoring.GetJobDetailsAsync(id, ct);
        if (details is null)
        {
            return DashboardLayout.Page(
                context,
                "Job not found",
                "overview",
                $"<p>Job <code>{E(id)}</code> does not exist (it may have expired).</p>",
                statusCode: StatusCodes.Status404NotFound
            );
        }

        var job = details.Job;
        var body = new StringBuilder(Flash(context));
        body.Append(
            $"<div class=\"card\"><dl class=\"kv\"><dt>Id</dt><dd><code data-testid=\"job-id\">{E(job.Id)}</code></dd><dt>Job</dt><dd>{E(job.DisplayName)} <code class=\"muted\">{E(job.Kind)}</code></dd>"
        );
        body.Append(
            $"<dt>State</dt><dd data-testid=\"job-state\">{StateBadge(job.State)} <span class=\"muted\">{E(job.StateReason)}</span></dd><dt>Queue</dt><dd>{E(job.Queue)}</dd>"
        );
        body.Append(
            $"<dt>Created</dt><dd>{Time(job.CreatedAt)}</dd><dt>State changed</dt><dd>{Time(job.StateChangedAt)}</dd><dt>Attempts</dt><dd>{job.Attempt} (retry {job.RetryCount} of {job.MaxRetries})</dd>"
        );
        if (details.ParentId is not null)
        {
            body.Append(
                $"<dt>Continues</dt><dd>{JobLink(details.ParentId)} <span class=\"muted\">{details.ContinuationOption}</span></dd>"
            );
        }

        body.Append("</dl></div>");

        if (DashboardLayout.CanOperate(context))
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["id"] = job.Id,
                ["returnUrl"] = $"/jobs/job/{Url(job.Id)}",
            };
            body.Append("<div class=\"toolbar\">")
                .Append(DashboardForms.Button(context, "/jobs/actions/jobs/requeue", "Requeue", fields))
                .Append(
                    DashboardForms.Button(context, "/jobs/actions/jobs/delete", "Delete", fields, "btn danger", confirm: "Delete this job?")
                )
                .Append("</div>");
        }

        body.Append($"<h2>Arguments</h2><pre data-testid=\"arguments\">{E(details.Arguments)}</pre>");
        body.Append("<h2>Options</h2><div class=\"card\"><dl class=\"kv\">");
        foreach (var (key, value) in details.Options)
        {
            body.Append($"<dt>{E(key)}</dt><dd>{E(value)}</dd>");
        }

        body.Append("</dl></div>");

        if (details.Continuations.Count > 0)
        {
            body.Append("<h2>Continuations</h2><table><thead><tr><th>Id</th><th>Job</th><th>State</th></tr></thead><tbody>");
            foreach (var child in details.Continuations)
            {
                body.Append($"<tr><td>{JobLink(child.Id)}</td><td>{E(child.DisplayName)}</td><td>{StateBadge(child.State)}</td></tr>");
            }

            body.Append("</tbody></table>");
        }

        body.Append(
            "<h2>History</h2><table id=\"history\"><thead><tr><th>State</th><th>When</th><th>Reason</th><th>Server / worker</th><th class=\"num\">Latency</th><th class=\"num\">Duration</th><th>Details</th></tr></thead><tbody>"
        );
        foreach (var entry in details.History)
        {
            body.Append(
                $"<tr><td>{StateBadge(entry.State)}</td><td>{Time(entry.CreatedAt)}</td><td>{E(entry.Reason)}</td><td>{E(entry.Server)} {E(entry.Worker)}</td><td class=\"num\">{Ms(entry.LatencyMs)}</td><td class=\"num\">{Ms(entry.DurationMs)}</td><td>"
            );
            if (entry.ExceptionType is not null)
            {
                body.Append($"<strong class=\"error\">{E(entry.ExceptionType)}</strong>: {E(entry.ExceptionMessage)}");
                if (entry.ExceptionDetails is not null)
                {
                    body.Append($"<details><summary>Stack trace</summary><pre>{E(entry.ExceptionDetails)}</pre></details>");
                }
            }

            if (entry.Data is not null)
            {
                body.Append($"<code class=\"muted\">{E(entry.Data)}</code>");
            }

            body.Append("</td></tr>");
        }

        body.Append("</tbody></table>");
        return DashboardLayout.Page(context, $"Job {job.DisplayName}", StateSlug(job.State), body.ToString());
    }

    public static async Task<IResult> RecurringAsync(HttpContext context, IJobMonitoringApi monitoring, CancellationToken ct)
    {
        var jobs = await monitoring.GetRecurringJobsAsync(ct);
        var operate = DashboardLayout.CanOperate(context);
        var body = new StringBuilder(Flash(context));
        body.Append(
            "<table id=\"recurring\"><thead><tr><th>Id</th><th>Cron</th><th>Zone</th><th>Job</th><th>Next execution</th><th>Last execution</th><th>Last job</th><th>Status</th>"
        );
        body.Append(operate ? "<th>Actions</th>" : string.Empty).Append("</tr></thead><tbody>");
        foreach (var r in jobs)
        {
            var status =
                r.Error is not null ? $"<span class=\"badge s-failed\">disabled</span> <span class=\"error\">{E(r.Error)}</span>"
                : r.IsPaused ? "<span class=\"badge s-awaiting\">paused</span>"
                : "<span class=\"badge s-succeeded\">active</span>";
            var lastJob = r.LastJobId is null
                ? "<span class=\"muted\">–</span>"
                : $"{JobLink(r.LastJobId)} {(r.LastJobState is { } s ? StateBadge(s) : "<span class=\"muted\">expired</span>")}";
            body.Append(
                $"<tr data-recurring-id=\"{E(r.Id)}\"><td><strong>{E(r.Id)}</strong></td><td><code>{E(r.Cron)}</code><br><span class=\"muted\">{E(r.CronDescription)}</span></td><td>{E(r.TimeZoneId)}</td>"
            );
            body.Append(
                $"<td>{E(r.DisplayName)}<br><code class=\"muted\">{E(r.Kind)}</code> <span class=\"muted\">queue {E(r.Queue)}</span></td><td>{Time(r.NextExecution)}</td><td>{Time(r.LastExecution)}</td><td>{lastJob}</td><td>{status}</td>"
            );
            if (operate)
            {
                var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = r.Id, ["returnUrl"] = "/jobs/recurring" };
                body.Append("<td>")
                    .Append(DashboardForms.Button(context, "/jobs/actions/recurring/trigger", "Trigger now", fields))
                    .Append(' ')
                    .Append(
                        r.IsPaused
                            ? DashboardForms.Button(context, "/jobs/actions/recurring/enable", "Enable", fields)
                            : DashboardForms.Button(context, "/jobs/actions/recurring/pause", "Pause", fields)
                    )
                    .Append(' ')
                    .Append(
                        DashboardForms.Button(
                            context,
                            "/jobs/actions/recurring/delete",
                            "Delete",
                            fields,
                            "btn danger",
                            confirm: $"Delete recurring job {r.Id}?"
                        )
                    )
                    .Append("</td>");
            }

            body.Append("</tr>");
        }

        if (jobs.Count == 0)
        {
            body.Append("<tr><td colspan=\"9\" class=\"muted\">No recurring jobs.</td></tr>");
        }

        body.Append("</tbody></table>");
        return DashboardLayout.Page(context, "Recurring jobs", "recurring", body.ToString());
    }

    public static async Task<IResult> ServersAsync(HttpContext context, IJobMonitoringApi monitoring, CancellationToken ct)
    {
        var servers = await monitoring.GetServersAsync(ct);
        var body = new StringBuilder(
            "<table id=\"servers\"><thead><tr><th>Server</th><th>Host</th><th class=\"num\">Workers</th><th>Queues</th><th>Started</th><th>Heartbeat</th><th>Status</th></tr></thead><tbody>"
        );
        foreach (var s in servers)
        {
            var status = s.PossiblyAborted
                ? "<span class=\"badge s-failed\">possibly aborted</span>"
                : "<span class=\"badge s-succeeded\">active</span>";
            body.Append(
                $"<tr data-server-id=\"{E(s.Id)}\"><td><code>{E(s.Id)}</code></td><td>{E(s.HostName)}</td><td class=\"num\">{s.Workers}</td><td>{E(string.Join(", ", s.Queues))}</td><td>{Time(s.StartedAt)}</td><td>{Time(s.HeartbeatAt)}</td><td>{status}</td></tr>"
            );
        }

        if (servers.Count == 0)
        {
            body.Append("<tr><td colspan=\"7\" class=\"muted\">No server is running.</td></tr>");
        }

        body.Append("</tbody></table>");
        return DashboardLayout.Page(context, "Servers", "servers", body.ToString());
    }

    public static IResult Audit(HttpContext context, IReadOnlyList<AuditEntryDto> entries)
    {
        var body = new StringBuilder(
            "<p class=\"muted\">Every dashboard action, newest first.</p><table id=\"audit\"><thead><tr><th>When</th><th>Who</th><th>Action</th><th>Target</th><th>Outcome</th></tr></thead><tbody>"
        );
        foreach (var a in entries)
        {
            body.Append(
                $"<tr><td>{Time(a.At)}</td><td>{E(a.Actor)}</td><td><code>{E(a.Action)}</code></td><td>{E(a.Target)}</td><td>{E(a.Outcome)}</td></tr>"
            );
        }

        if (entries.Count == 0)
        {
            body.Append("<tr><td colspan=\"5\" class=\"muted\">No actions yet.</td></tr>");
        }

        body.Append("</tbody></table>");
        if (entries.Count == 50)
        {
            body.Append($"<div class=\"pager\"><a href=\"/jobs/audit?before={entries[^1].Id}\">Older →</a></div>");
        }

        return DashboardLayout.Page(context, "Audit log", "audit", body.ToString());
    }

    private static (string Action, string Label)[] ActionsFor(JobState state, bool retries) =>
        state switch
        {
            JobState.Scheduled or JobState.Awaiting => [("enqueue", "Enqueue now"), ("delete", "Delete")],
            _ when retries => [("enqueue", "Enqueue now"), ("delete", "Delete")],
            JobState.Succeeded or JobState.Deleted => [("requeue", "Requeue")],
            _ => [("requeue", "Requeue"), ("delete", "Delete")],
        };

    private static string Filters(string path, JobListQuery query, IReadOnlyList<JobKindDto> kinds)
    {
        var options = string.Concat(
            kinds.Select(k =>
                $"<option value=\"{E(k.Kind)}\"{(k.Kind == query.Kind ? " selected" : string.Empty)}>{E(k.DisplayName)} ({E(k.Kind)})</option>"
            )
        );
        if (query.Kind is not null && kinds.All(k => k.Kind != query.Kind))
        {
            options += $"<option value=\"{E(query.Kind)}\" selected>{E(query.Kind)}</option>";
        }

        return $"""
            <form class="filters" method="get" action="{path}">
              <label>Kind <select name="kind"><option value="">any</option>{options}</select></label>
              <label>Queue <input name="queue" value="{E(query.Queue)}" size="10"></label>
              <label>From (UTC) <input name="from" type="datetime-local" step="1" value="{TimeInput(query.From)}"></label>
              <label>To (UTC) <input name="to" type="datetime-local" step="1" value="{TimeInput(query.To)}"></label>
              <label>Search <input name="q" value="{E(query.Search)}" placeholder="id, kind, exception, argument"></label>
              <button class="btn" type="submit">Filter</button> <a href="{path}">Reset</a>
            </form>
            """;
    }

    private static string Pager(string path, JobListQuery query, JobPageDto page)
    {
        var filters = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                filters.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("kind", query.Kind);
        Add("queue", query.Queue);
        Add("from", TimeInput(query.From));
        Add("to", TimeInput(query.To));
        Add("q", query.Search);
        if (query.PageSize != 20)
        {
            Add("size", query.PageSize.ToString(CultureInfo.InvariantCulture));
        }

        string Link(string key, string cursor) => E($"{path}?{string.Join('&', filters.Append($"{key}={Uri.EscapeDataString(cursor)}"))}");
        var first = E(filters.Count == 0 ? path : $"{path}?{string.Join('&', filters)}");
        var html = new StringBuilder("<div class=\"pager\">");
        html.Append(query.After is not null || query.Before is not null ? $"<a href=\"{first}\">« First</a>" : string.Empty);
        html.Append(
            page.PreviousCursor is not null
                ? $"<a href=\"{Link("before", page.PreviousCursor)}\" rel=\"prev\">‹ Previous</a>"
                : string.Empty
        );
        html.Append(page.NextCursor is not null ? $"<a href=\"{Link("after", page.NextCursor)}\" rel=\"next\">Next ›</a>" : string.Empty);
        return html.Append("</div>").ToString();
    }

    private static string Exception(JobSummaryDto job) =>
        job.ExceptionType is null
            ? "<span class=\"muted\">–</span>"
            : $"<strong class=\"error\">{E(job.ExceptionType)}</strong>: {E(job.ExceptionMessage)}<details data-exception=\"/jobs/job/{Url(job.Id)}/exception\"><summary>Stack trace</summary><pre>Loading…</pre></details>";

    private static string JobLink(string id) =>
        $"<a href=\"/jobs/job/{Url(id)}\"><code>{E(id.Length > 12 ? id[..12] + "…" : id)}</code></a>";

    private static string Tile(string href, string label, string count, string testId) =>
        $"<a class=\"tile\" href=\"{href}\" data-testid=\"{testId}\"><div class=\"n\">{E(count)}</div><div class=\"l\">{E(label)}</div></a>";

    private static string HistoryChart(string title, string id, IReadOnlyList<TimelinePointDto> points, string labelFormat)
    {
        const double width = 600,
            height = 140;
        var max = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => Math.Max(p.Succeeded, p.Failed)));
        var step = points.Count > 1 ? width / (points.Count - 1) : width;
        string Line(Func<TimelinePointDto, long> value) =>
            string.Join(
                ' ',
                points.Select((p, i) => FormattableString.Invariant($"{i * step:0.#},{height - (value(p) * (height - 10) / max):0.#}"))
            );
        var labels =
            points.Count == 0
                ? string.Empty
                : $"<span class=\"muted\">{points[0].BucketStart.ToString(labelFormat, CultureInfo.InvariantCulture)} … {points[^1].BucketStart.ToString(labelFormat, CultureInfo.InvariantCulture)} UTC · max {Number(max)}</span>";
        var rows = string.Concat(
            points.Select(p =>
                $"<tr><td>{p.BucketStart.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</td><td class=\"num\">{Number(p.Succeeded)}</td><td class=\"num\">{Number(p.Failed)}</td></tr>"
            )
        );
        return $"""
            <div class="chart" id="{id}"><h2>{E(title)}</h2>
            <svg viewBox="0 0 600 160" preserveAspectRatio="none" role="img" aria-label="{E(
                title
            )}"><polyline fill="none" stroke="#2e9d57" stroke-width="2" points="{Line(p =>
                p.Succeeded
            )}"/><polyline fill="none" stroke="#d33a3a" stroke-width="2" points="{Line(p => p.Failed)}"/></svg>
            {labels}
            <details><summary>Numbers</summary><table><thead><tr><th>From</th><th class="num">Succeeded</th><th class="num">Failed</th></tr></thead><tbody>{rows}</tbody></table></details></div>
            """;
    }

    private static string Flash(HttpContext context)
    {
        var done = context.Request.Query["done"].LastOrDefault();
        var warn = context.Request.Query["warn"].LastOrDefault();
        var message = warn ?? done;
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        message = message.Length > 300 ? message[..300] : message;
        return $"<p class=\"flash{(warn is null ? string.Empty : " bad")}\" role=\"status\" data-testid=\"flash\">{E(message)}</p>";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTime? ParseTime(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
            : null;

    private static string TimeInput(DateTime? value) =>
        value?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) ?? string.Empty;

    // Polls the all-time counters every 2 s and plots the differences (as Hangfire's realtime graph does).
    private const string RealtimeScript = """
        (() => {
          const svg = document.getElementById('realtime'); if (!svg) return;
          const status = document.getElementById('realtime-status');
          let last = { s: +svg.dataset.succeeded, f: +svg.dataset.failed }; const points = [];
          const ns = 'http://www.w3.org/2000/svg';
          const draw = () => {
            const max = Math.max(1, ...points.map(p => Math.max(p.s, p.f))); const step = 600 / 59;
            const line = key => points.map((p, i) => (i * step).toFixed(1) + ',' + (150 - p[key] * 140 / max).toFixed(1)).join(' ');
            svg.replaceChildren();
            for (const [key, color] of [['s', '#2e9d57'], ['f', '#d33a3a']]) {
              const pl = document.createElementNS(ns, 'polyline'); pl.setAttribute('fill', 'none'); pl.setAttribute('stroke', color); pl.setAttribute('stroke-width', '2'); pl.setAttribute('points', line(key)); svg.appendChild(pl);
            }
          };
          const tick = async () => {
            try {
              const r = await fetch('/jobs/stats', { credentials: 'same-origin', headers: { accept: 'application/json' } });
              if (!r.ok) { status.textContent = 'Live updates stopped (' + r.status + ').'; return; }
              const now = await r.json();
              points.push({ s: Math.max(0, now.succeeded - last.s), f: Math.max(0, now.failed - last.f) });
              if (points.length > 60) points.shift();
              last = { s: now.succeeded, f: now.failed };
              const p = points[points.length - 1];
              status.textContent = 'Last 2 s: ' + p.s + ' succeeded, ' + p.f + ' failed.'; status.dataset.ticks = points.length;
              draw();
            } catch { status.textContent = 'Live updates paused (network).'; }
            setTimeout(tick, 2000);
          };
          setTimeout(tick, 2000);
        })();
        """;
}
