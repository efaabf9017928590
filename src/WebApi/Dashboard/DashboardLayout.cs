using System.Security.Claims;
using System.Text;
using CleanApp.Application.Common.Security;
using NetEscapades.AspNetCore.SecurityHeaders;
using static CleanApp.WebApi.Dashboard.Html;

namespace CleanApp.WebApi.Dashboard;

/// <summary>The page shell: navigation, the signed-in user, inline CSS and (nonce-protected) inline script.</summary>
public static class DashboardLayout
{
    private static readonly (string Key, string Label, string Href)[] Navigation =
    [
        ("overview", "Overview", "/jobs"),
        ("queues", "Queues", "/jobs/queues"),
        ("enqueued", "Enqueued", "/jobs/jobs/enqueued"),
        ("scheduled", "Scheduled", "/jobs/jobs/scheduled"),
        ("processing", "Processing", "/jobs/jobs/processing"),
        ("succeeded", "Succeeded", "/jobs/jobs/succeeded"),
        ("failed", "Failed", "/jobs/jobs/failed"),
        ("deleted", "Deleted", "/jobs/jobs/deleted"),
        ("awaiting", "Awaiting", "/jobs/jobs/awaiting"),
        ("retries", "Retries", "/jobs/retries"),
        ("recurring", "Recurring", "/jobs/recurring"),
        ("servers", "Servers", "/jobs/servers"),
        ("audit", "Audit", "/jobs/audit"),
    ];

    public static bool CanOperate(HttpContext context) => context.User.IsInRole(OpsRoles.Operator);

    public static IResult Page(
        HttpContext context,
        string title,
        string active,
        string body,
        string? script = null,
        int statusCode = StatusCodes.Status200OK
    )
    {
        // The request's nonce, which the dashboard's Content-Security-Policy allows (Common/SecurityHeaders.cs).
        var nonce = context.GetNonce();
        var user = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.Name) : null;
        var html = new StringBuilder(16_384);
        html.Append(
            $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} · CleanApp jobs</title><style nonce="{nonce}">{Css}</style></head>
            <body><header><a class="brand" href="/jobs">CleanApp jobs</a>
            """
        );
        if (user is not null)
        {
            html.Append("<nav>");
            foreach (var (key, label, href) in Navigation)
            {
                html.Append($"<a href=\"{href}\"{(key == active ? " class=\"active\" aria-current=\"page\"" : string.Empty)}>{label}</a>");
            }

            var role = CanOperate(context) ? "operator" : "read-only";
            html.Append(
                $"</nav><div class=\"who\"><span data-testid=\"current-user\">{E(user)}</span> <span class=\"muted\">({role})</span>"
            );
            html.Append(
                $"<form method=\"post\" action=\"{OpsAuthentication.LogoutPath}\" class=\"inline\">{DashboardForms.TokenInput(context)}<button class=\"link\" type=\"submit\">Sign out</button></form></div>"
            );
        }

        html.Append($"</header><main><h1>{E(title)}</h1>{body}</main>");
        html.Append($"<script nonce=\"{nonce}\">{CommonScript}{script}</script></body></html>");

        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    // Confirmation prompts and the "select all" box; no external assets.
    private const string CommonScript = """
        document.querySelectorAll('form[data-confirm]').forEach(f => f.addEventListener('submit', e => { if (!confirm(f.dataset.confirm)) e.preventDefault(); }));
        document.querySelectorAll('input[data-select-all]').forEach(a => a.addEventListener('change', () => document.querySelectorAll('input[name=ids]').forEach(c => c.checked = a.checked)));
        document.querySelectorAll('details[data-exception]').forEach(d => d.addEventListener('toggle', async () => {
          if (!d.open || d.dataset.loaded) return; d.dataset.loaded = '1';
          const r = await fetch(d.dataset.exception, { credentials: 'same-origin' });
          d.querySelector('pre').textContent = r.ok ? await r.text() : 'Could not load the exception (' + r.status + ').';
        }));

        """;

    private const string Css = """
        *{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2430;background:#f5f6f8}
        header{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem;padding:.5rem 1rem;background:#1f2a3c;color:#fff}
        header a{color:#cfd8e6;text-decoration:none}header a.brand{font-weight:700;color:#fff;margin-right:.5rem}
        nav{display:flex;flex-wrap:wrap;gap:.15rem}nav a{padding:.25rem .5rem;border-radius:4px}nav a.active,nav a:hover{background:#34445e;color:#fff}
        .who{margin-left:auto;color:#cfd8e6}.who .muted{color:#9fb0c8}
        main{padding:1rem 1.25rem;max-width:1400px}h1{font-size:1.35rem;margin:.25rem 0 1rem}h2{font-size:1.1rem;margin:1.25rem 0 .5rem}
        table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dde2ea}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e8ebf0;vertical-align:top}
        th{background:#eef1f5;font-weight:600;white-space:nowrap}td.num,th.num{text-align:right}code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
        pre{white-space:pre-wrap;word-break:break-word;background:#f0f2f5;padding:.5rem;margin:.25rem 0;max-height:30rem;overflow:auto}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:.6rem}.tile{display:block;background:#fff;border:1px solid #dde2ea;border-radius:6px;padding:.6rem .8rem;color:inherit;text-decoration:none}
        .tile .n{font-size:1.5rem;font-weight:700}.tile .l{color:#5b6678}
        .badge{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:12px;color:#fff;background:#6b7688}
        .s-enqueued{background:#2f6fd6}.s-scheduled{background:#7a5bd6}.s-awaiting{background:#8a8f99}.s-processing{background:#d68a1a}.s-succeeded{background:#2e9d57}.s-failed{background:#d33a3a}.s-deleted{background:#555}
        .muted{color:#7b8596}.error{color:#b32020}.ok{color:#1f7a43}.flash{padding:.5rem .75rem;background:#e7f3ea;border:1px solid #b9dcc3;margin-bottom:.75rem}
        .flash.bad{background:#fbeaea;border-color:#efc1c1}
        form.inline{display:inline}.btn,button.btn{font:inherit;padding:.2rem .6rem;border:1px solid #b7c0cd;border-radius:4px;background:#fff;cursor:pointer}
        .btn.danger{border-color:#e0a3a3;color:#a11}.btn.primary{background:#2f6fd6;border-color:#2f6fd6;color:#fff}button.link{background:none;border:0;color:#cfd8e6;cursor:pointer;font:inherit;text-decoration:underline}
        .filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:.75rem}.filters label{display:flex;flex-direction:column;font-size:12px;color:#5b6678}
        .filters input,.filters select{font:inherit;padding:.2rem .35rem}.toolbar{display:flex;gap:.5rem;align-items:center;margin:.5rem 0}
        .pager{display:flex;gap:.75rem;margin:.75rem 0}.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:1rem}
        .chart{background:#fff;border:1px solid #dde2ea;border-radius:6px;padding:.5rem}svg{width:100%;height:160px}.legend span{margin-right:1rem}
        .sw{display:inline-block;width:10px;height:10px;margin-right:4px}.sw[data-c=ok]{background:#2e9d57}.sw[data-c=bad]{background:#d33a3a}.card{background:#fff;border:1px solid #dde2ea;border-radius:6px;padding:.75rem;margin-bottom:1rem}
        dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dl.kv dt{color:#5b6678}dl.kv dd{margin:0}
        .login{max-width:340px;margin:3rem auto;background:#fff;border:1px solid #dde2ea;border-radius:6px;padding:1.25rem}.login label{display:block;margin:.5rem 0}
        .login input{width:100%;font:inherit;padding:.35rem}
        """;
}
