using CleanApp.Application.Common.Jobs;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Playwright;

namespace CleanApp.WebApi.FunctionalTests.Dashboard;

/// <summary>
/// The jobs dashboard in real headless Chromium against the real host on Kestrel and a real SQLite file (JOBS.md test 11):
/// pages render with data, actions work and are audited, read-only users cannot act, antiforgery is enforced.
/// </summary>
[NonParallelizable]
public sealed class DashboardBrowserTests
{
    private KestrelCleanAppFactory _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private SeededJobs _jobs = null!;
    private string _operator = null!;
    private string _reader = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_playwright, _browser) = await Browser.LaunchAsync();
        _host = new KestrelCleanAppFactory();
        _host
            .WithSetting("Jobs:Enabled", "false")
            .WithSetting("Jobs:Dashboard:RedactedArguments:0", "note")
            .WithSetting("Auth:Lockout:MaxFailedAttempts", "3");
        _host.Start();
        _jobs = await JobSeed.SeedAsync(_host.Services);
        _operator = await OpsUsers.CreateOperatorAsync(_host.Services);
        _reader = await OpsUsers.CreateReaderAsync(_host.Services);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _host?.Dispose();
    }

    [Test]
    public async Task Anonymous_visitor_is_sent_to_sign_in_and_hangfire_paths_redirect_to_jobs()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Base });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/jobs/jobs/failed");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/jobs/login"));
        Assert.That(page.Url, Does.Contain("returnUrl=%2Fjobs%2Fjobs%2Ffailed"));

        await page.GotoAsync("/hangfire");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/jobs/login"), "/hangfire → /jobs → sign-in");
        await page.GotoAsync("/hangfire/recurring");
        Assert.That(page.Url, Does.Contain("returnUrl=%2Fjobs%2Frecurring"));
        await context.CloseAsync();
    }

    [Test]
    public async Task Every_page_renders_with_data()
    {
        var page = await Browser.SignInAsync(_browser, _host.BaseAddress, _operator);

        // Overview: tiles from capped counts and counters, history from JobStatistics, live graph polling.
        Assert.That(await page.TextContentAsync("[data-testid=tile-succeeded] .n"), Is.EqualTo("1,234"));
        Assert.That(await page.TextContentAsync("[data-testid=tile-failed] .n"), Is.EqualTo("3"));
        Assert.That(await page.TextContentAsync("[data-testid=tile-retries] .n"), Is.EqualTo("1"));
        Assert.That(await page.TextContentAsync("[data-testid=tile-servers] .n"), Is.EqualTo("2"));
        Assert.That(await page.Locator("#history-hourly polyline").CountAsync(), Is.EqualTo(2));
        Assert.That(await page.Locator("#history-daily polyline").CountAsync(), Is.EqualTo(2));
        await page.WaitForSelectorAsync("#realtime-status[data-ticks]", new PageWaitForSelectorOptions { Timeout = 10_000 });
        Assert.That(await page.Locator("#realtime polyline").CountAsync(), Is.EqualTo(2), "the live graph draws after polling /jobs/stats");

        await page.GotoAsync("/jobs/queues");
        Assert.That(await page.TextContentAsync("tr[data-queue=reports]"), Does.Contain("paused"));
        Assert.That(await page.TextContentAsync("tr[data-queue=default]"), Does.Contain(JobSeed.DisplayName));
        Assert.That(await page.TextContentAsync("tr[data-queue=email]"), Does.Contain("running"));

        foreach (
            var (state, name) in new[]
            {
                (JobState.Enqueued, "enqueued"),
                (JobState.Scheduled, "scheduled"),
                (JobState.Processing, "processing"),
                (JobState.Succeeded, "succeeded"),
                (JobState.Failed, "failed"),
                (JobState.Deleted, "deleted"),
                (JobState.Awaiting, "awaiting"),
            }
        )
        {
            await page.GotoAsync($"/jobs/jobs/{state.ToString().ToLowerInvariant()}");
            Assert.That(await page.Locator($"tr[data-job-id='{_jobs[name]}']").CountAsync(), Is.EqualTo(1), $"{state} list shows its job");
            Assert.That(await page.TextContentAsync("h1"), Is.EqualTo($"{state} jobs"));
        }

        // Failed: type + message in the row, the stack only when expanded (fetched on demand).
        await page.GotoAsync("/jobs/jobs/failed");
        var failedRow = page.Locator($"tr[data-job-id='{_jobs["failed"]}']");
        Assert.That(
            await failedRow.TextContentAsync(),
            Does.Contain("System.InvalidOperationException").And.Contain("Mailbox unavailable")
        );
        Assert.That(await page.ContentAsync(), Does.Not.Contain("Seed.cs:line 42"), "stacks are not part of the list");
        await failedRow.Locator("summary").ClickAsync();
        await Expect(failedRow.Locator("pre")).ToContainTextAsync("Seed.cs:line 42");

        // Filters: text search and kind.
        await page.GotoAsync("/jobs/jobs/failed?q=Disk");
        Assert.That(await page.Locator("#jobs tbody tr[data-job-id]").CountAsync(), Is.EqualTo(2));
        Assert.That(await page.TextContentAsync("[data-testid=count]"), Is.EqualTo("2"));
        await page.GotoAsync("/jobs/jobs/failed?kind=other.kind");
        Assert.That(await page.Locator("#jobs tbody tr[data-job-id]").CountAsync(), Is.Zero);
        await page.GotoAsync("/jobs/jobs/failed?size=1");
        Assert.That(await page.Locator("#jobs tbody tr[data-job-id]").CountAsync(), Is.EqualTo(1));
        await page.ClickAsync("a[rel=next]");
        Assert.That(await page.Locator("#jobs tbody tr[data-job-id]").CountAsync(), Is.EqualTo(1), "keyset paging moves to the next page");
        Assert.That(await page.Locator("a[rel=prev]").CountAsync(), Is.EqualTo(1));

        await page.GotoAsync("/jobs/retries");
        Assert.That(
            await page.TextContentAsync($"tr[data-job-id='{_jobs["retry"]}']"),
            Does.Contain("retry 2 of 10").And.Contain("System.TimeoutException")
        );

        await page.GotoAsync("/jobs/recurring");
        var recurring = await page.TextContentAsync("tr[data-recurring-id=welcome-digest]");
        Assert.That(
            recurring,
            Does.Contain("30 3 * * *")
                .And.Contain("At 03:30 every day")
                .And.Contain("Europe/Berlin")
                .And.Contain(JobSeed.DisplayName)
                .And.Contain("Succeeded")
        );
        Assert.That(
            await page.TextContentAsync("tr[data-recurring-id=broken-cron]"),
            Does.Contain("disabled").And.Contain("must have 5 or 6 fields")
        );

        await page.GotoAsync("/jobs/servers");
        Assert.That(await page.TextContentAsync("tr[data-server-id='web-2:silent']"), Does.Contain("possibly aborted"));
        Assert.That(await page.TextContentAsync("tr[data-server-id='web-1:seed']"), Does.Contain("active").And.Contain("default, email"));

        // Details: arguments redacted (built-in "password" and configured "note"), options, continuation, history.
        await page.GotoAsync($"/jobs/job/{_jobs["processing"]}");
        var arguments = await page.TextContentAsync("[data-testid=arguments]");
        Assert.That(arguments, Does.Contain("userId").And.Contain("***redacted***"));
        Assert.That(arguments, Does.Not.Contain("hunter2-secret").And.Not.Contain("seed processing"));
        Assert.That(await page.ContentAsync(), Does.Contain(_jobs["awaiting"]), "continuations are listed");
        Assert.That(await page.Locator("#history tbody tr").CountAsync(), Is.EqualTo(2));
        await page.GotoAsync($"/jobs/job/{_jobs["failed"]}");
        Assert.That(await page.TextContentAsync("#history"), Does.Contain("Mailbox unavailable"));

        await page.GotoAsync("/jobs/audit");
        Assert.That(await page.TextContentAsync("h1"), Is.EqualTo("Audit log"));

        var html = await page.ContentAsync();
        Assert.That(html, Does.Not.Contain("Data Source=").And.Not.Contain(".db"), "no connection string on any page");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Operator_requeues_deletes_and_triggers_and_every_action_is_audited()
    {
        var page = await Browser.SignInAsync(_browser, _host.BaseAddress, _operator);

        // Single requeue from the Failed list.
        await page.GotoAsync("/jobs/jobs/failed");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync($"tr[data-job-id='{_jobs["failed"]}'] button[data-action=requeue]");
        await Expect(page.Locator("[data-testid=flash]")).ToContainTextAsync("Requeued 1 job(s)");
        Assert.That(await JobSeed.StateOfAsync(_host.Services, _jobs["failed"]), Is.EqualTo(JobState.Enqueued));
        await page.GotoAsync($"/jobs/job/{_jobs["failed"]}");
        Assert.That(
            await page.TextContentAsync("[data-testid=job-state]"),
            Does.Contain("Enqueued").And.Contain("Requeued from the dashboard")
        );

        // Bulk delete of the two remaining failed jobs.
        await page.GotoAsync("/jobs/jobs/failed");
        await page.CheckAsync($"input[name=ids][value='{_jobs["failed-2"]}']");
        await page.CheckAsync($"input[name=ids][value='{_jobs["failed-3"]}']");
        await page.ClickAsync("button[data-bulk=delete]");
        await Expect(page.Locator("[data-testid=flash]")).ToContainTextAsync("Deleted 2 job(s)");
        Assert.That(await JobSeed.StateOfAsync(_host.Services, _jobs["failed-2"]), Is.EqualTo(JobState.Deleted));
        Assert.That(await JobSeed.StateOfAsync(_host.Services, _jobs["failed-3"]), Is.EqualTo(JobState.Deleted));

        // Enqueue now from Scheduled.
        await page.GotoAsync("/jobs/jobs/scheduled");
        await page.ClickAsync($"tr[data-job-id='{_jobs["scheduled"]}'] button[data-action=enqueue]");
        await Expect(page.Locator("[data-testid=flash]")).ToContainTextAsync("Enqueued 1 job(s)");
        Assert.That(await JobSeed.StateOfAsync(_host.Services, _jobs["scheduled"]), Is.EqualTo(JobState.Enqueued));

        // Recurring: trigger now, pause.
        await page.GotoAsync("/jobs/recurring");
        await page.ClickAsync("tr[data-recurring-id=welcome-digest] button:has-text('Trigger now')");
        await Expect(page.Locator("[data-testid=flash]")).ToContainTextAsync("Triggered welcome-digest: job ");
        await page.ClickAsync("tr[data-recurring-id=welcome-digest] button:has-text('Pause')");
        await Expect(page.Locator("tr[data-recurring-id=welcome-digest]")).ToContainTextAsync("paused");

        // Queue: pause and resume.
        await page.GotoAsync("/jobs/queues");
        await page.ClickAsync("tr[data-queue=email] button:has-text('Pause')");
        await Expect(page.Locator("tr[data-queue=email]")).ToContainTextAsync("paused");
        await page.ClickAsync("tr[data-queue=email] button:has-text('Resume')");
        await Expect(page.Locator("tr[data-queue=email]")).ToContainTextAsync("running");

        await page.GotoAsync("/jobs/audit");
        var audit = await page.TextContentAsync("#audit");
        Assert.That(audit, Does.Contain(_operator));
        Assert.That(audit, Does.Contain("job.requeue").And.Contain($"job {_jobs["failed"]}"));
        Assert.That(audit, Does.Contain("job.delete").And.Contain($"job {_jobs["failed-2"]}").And.Contain($"job {_jobs["failed-3"]}"));
        Assert.That(audit, Does.Contain("job.enqueue-now").And.Contain("recurring.trigger").And.Contain("recurring.pause"));
        Assert.That(audit, Does.Contain("queue.pause").And.Contain("queue.resume").And.Contain("queue email"));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Read_only_user_sees_no_actions_and_a_forged_post_is_rejected_with_403()
    {
        var page = await Browser.SignInAsync(_browser, _host.BaseAddress, _reader);
        Assert.That(await page.TextContentAsync(".who"), Does.Contain("read-only"));

        foreach (
            var path in new[]
            {
                "/jobs/jobs/enqueued",
                "/jobs/jobs/failed",
                "/jobs/retries",
                "/jobs/recurring",
                "/jobs/queues",
                $"/jobs/job/{_jobs["deleted"]}",
            }
        )
        {
            await page.GotoAsync(path);
            Assert.That(
                await page.Locator("main form[method=post] button, main input[name=ids]").CountAsync(),
                Is.Zero,
                $"{path} shows no action to a reader"
            );
        }

        // A valid antiforgery token for this reader (from the sign-out form) does not make the action allowed.
        var target = _jobs["deleted"];
        var status = await page.EvaluateAsync<int>(
            """
            async id => {
              const token = document.querySelector('input[name=__RequestVerificationToken]').value;
              const r = await fetch('/jobs/actions/jobs/requeue', { method: 'POST', body: new URLSearchParams({ __RequestVerificationToken: token, id }) });
              return r.status;
            }
            """,
            target
        );
        Assert.That(status, Is.EqualTo(403));
        Assert.That(await JobSeed.StateOfAsync(_host.Services, target), Is.EqualTo(JobState.Deleted), "nothing changed");

        var recurringStatus = await page.EvaluateAsync<int>(
            """
            async () => {
              const token = document.querySelector('input[name=__RequestVerificationToken]').value;
              return (await fetch('/jobs/actions/recurring/delete', { method: 'POST', body: new URLSearchParams({ __RequestVerificationToken: token, id: 'welcome-digest' }) })).status;
            }
            """
        );
        Assert.That(recurringStatus, Is.EqualTo(403));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Action_without_antiforgery_token_is_rejected_even_for_an_operator()
    {
        var page = await Browser.SignInAsync(_browser, _host.BaseAddress, _operator);
        var target = _jobs["deleted"];

        var status = await page.EvaluateAsync<int>(
            "async id => (await fetch('/jobs/actions/jobs/requeue', { method: 'POST', body: new URLSearchParams({ id }) })).status",
            target
        );
        var forgedToken = await page.EvaluateAsync<int>(
            "async id => (await fetch('/jobs/actions/jobs/requeue', { method: 'POST', body: new URLSearchParams({ id, __RequestVerificationToken: 'forged' }) })).status",
            target
        );

        Assert.That(status, Is.EqualTo(400));
        Assert.That(forgedToken, Is.EqualTo(400));
        Assert.That(await JobSeed.StateOfAsync(_host.Services, target), Is.EqualTo(JobState.Deleted));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Repeated_wrong_passwords_lock_the_ops_account()
    {
        var email = await OpsUsers.CreateReaderAsync(_host.Services);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Base });
        var page = await context.NewPageAsync();

        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync("/jobs/login");
            await page.FillAsync("input[name=email]", email);
            await page.FillAsync("input[name=password]", "wrong-password");
            await page.ClickAsync("button[type=submit]");
        }

        Assert.That(await page.TextContentAsync("[role=alert]"), Does.Contain("locked"));
        await page.GotoAsync("/jobs/login");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", OpsUsers.Password);
        await page.ClickAsync("button[type=submit]");
        Assert.That(
            await page.TextContentAsync("[role=alert]"),
            Does.Contain("locked"),
            "the right password does not help while locked out"
        );
        await context.CloseAsync();
    }

    [Test]
    public async Task Sign_out_ends_the_session()
    {
        var page = await Browser.SignInAsync(_browser, _host.BaseAddress, _reader);
        await page.ClickAsync(".who button");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/jobs/login");
        await page.GotoAsync("/jobs");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/jobs/login"));
        await page.Context.CloseAsync();
    }

    private string Base => _host.BaseAddress.ToString().TrimEnd('/');

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
