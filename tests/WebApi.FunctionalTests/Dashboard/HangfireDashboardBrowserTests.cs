using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CleanApp.Application.Common.Auditing;
using CleanApp.Infrastructure.Jobs;
using CleanApp.WebApi.FunctionalTests.Support;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CleanApp.WebApi.FunctionalTests.Dashboard;

/// <summary>
/// Hangfire's own dashboard at /hangfire in Chromium, behind the ops sign-in: operators act (and every action is
/// audited), readers only look, anonymous visitors and public-API tokens never get in.
/// </summary>
[NonParallelizable]
public sealed partial class HangfireDashboardBrowserTests
{
    private KestrelCleanAppFactory _factory = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task StartHostAndBrowser()
    {
        _factory = new KestrelCleanAppFactory();
        _factory.Start();
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Base });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/hangfire/jobs/failed");

        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/hangfire/login"));
        Assert.That(await page.Locator("input[name=password]").CountAsync(), Is.EqualTo(1));
        await context.DisposeAsync();
    }

    [Test]
    public async Task An_operator_watches_the_welcome_email_succeed_requeues_a_failed_job_and_triggers_the_digest_all_audited()
    {
        var email = await OpsUsers.CreateOperatorAsync(_factory.Services);
        var page = await Browser.SignInAsync(_browser, _factory.BaseAddress, email);

        // A registration's welcome email, under its readable name, through Enqueued → Processing → Succeeded.
        using var api = new HttpClient { BaseAddress = _factory.BaseAddress };
        var user = await api.RegisterAsync("watched");
        var userId = await UserIdAsync(user.Username);
        HangfireJob? job = null;
        var clock = Stopwatch.StartNew();
        while (job is null)
        {
            job = HangfireJobs
                .OfKinds(_factory.Services, "email.welcome")
                .SingleOrDefault(j => j.Payload.Contains(userId, StringComparison.Ordinal) && j.State == SucceededState.StateName);
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "the welcome email job succeeded");
            await Task.Delay(50);
        }
        var name = $"Send welcome email to user {userId}";
        await page.GotoAsync("/hangfire/jobs/succeeded");
        Assert.That(await page.GetByText(name).CountAsync(), Is.GreaterThanOrEqualTo(1), "the readable name on the list");
        await page.GotoAsync($"/hangfire/jobs/details/{job.Id}");
        var details = await page.Locator(".js-page-container").InnerTextAsync();
        Assert.That(details, Does.Contain(name).And.Contain("Enqueued").And.Contain("Processing").And.Contain("Succeeded"));

        // A failed job, requeued from the Failed page. Hangfire reloads the page once the command returns; the next
        // navigation must wait for that reload or the reload interrupts it.
        var failed = CreateFailedJob();
        await WaitForStateAsync(failed, FailedState.StateName);
        await page.GotoAsync("/hangfire/jobs/failed");
        await page.Locator($"input.js-jobs-list-checkbox[value='{failed}']").CheckAsync();
        await ClickAndWaitForReloadAsync(
            page,
            page.Locator("button.js-jobs-list-command", new PageLocatorOptions { HasText = "Requeue jobs" })
        );
        await WaitForAuditAsync("job.requeue", $"failed job {failed}");

        // The digest, triggered from Recurring Jobs.
        await page.GotoAsync("/hangfire/recurring");
        await page.Locator("input.js-jobs-list-checkbox[value='daily-digest']").CheckAsync();
        await ClickAndWaitForReloadAsync(
            page,
            page.Locator("button.js-jobs-list-command", new PageLocatorOptions { HasText = "Trigger now" })
        );
        await WaitForAuditAsync("recurring.trigger", "recurring daily-digest");
        await HangfireJobs.WaitForFinishedAsync(_factory.Services, 1, "email.daily-digest");

        // Both actions, with who did them, on the dashboard's Audit log page.
        await page.GotoAsync("/hangfire/audit");
        var audit = await page.Locator("#audit").InnerTextAsync();
        Assert.That(audit, Does.Contain("job.requeue").And.Contain("recurring.trigger").And.Contain(email));
        await page.Context.DisposeAsync();
    }

    private static async Task ClickAndWaitForReloadAsync(IPage page, ILocator button)
    {
        // The load event of the reloaded document; the response alone arrives before the old document is gone.
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loaded) => reloaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await button.ClickAsync();
            await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    [Test]
    public async Task A_reader_sees_no_action_buttons_and_a_forged_post_is_refused()
    {
        var failed = CreateFailedJob();
        await WaitForStateAsync(failed, FailedState.StateName);
        var email = await OpsUsers.CreateReaderAsync(_factory.Services);
        var page = await Browser.SignInAsync(_browser, _factory.BaseAddress, email);

        await page.GotoAsync("/hangfire/jobs/failed");
        Assert.That(
            await page.Locator($"a[href$='/jobs/details/{failed}']").CountAsync(),
            Is.GreaterThanOrEqualTo(1),
            "the reader sees the job"
        );
        Assert.That(await page.Locator("button.js-jobs-list-command").CountAsync(), Is.Zero);
        Assert.That(await page.Locator("input.js-jobs-list-checkbox").CountAsync(), Is.Zero);
        await page.GotoAsync("/hangfire/recurring");
        Assert.That(await page.Locator("button.js-jobs-list-command").CountAsync(), Is.Zero);
        await page.Context.DisposeAsync();

        // The same request the operator's button sends, with the reader's session and a valid antiforgery token.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = _factory.BaseAddress,
        };
        await OpsUsers.SignInAsync(client, email);
        var html = await client.GetStringAsync("/hangfire/jobs/failed");
        var token = CsrfToken().Match(html).Groups[1].Value;
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/hangfire/jobs/failed/requeue")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", failed)]),
        };
        forged.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token));
        var response = await client.SendAsync(forged);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(StateOf(failed), Is.EqualTo(FailedState.StateName), "nothing was requeued");
        await WaitForAuditAsync("job.requeue", $"failed job {failed}", "refused: read-only user");
    }

    [Test]
    public async Task A_public_api_token_never_opens_the_dashboard()
    {
        using var api = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _factory.BaseAddress };
        var user = await api.RegisterAsync("bearer");

        foreach (var scheme in new[] { "Token", "Bearer" })
        {
            using var page = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
            page.Headers.Authorization = new AuthenticationHeaderValue(scheme, user.Token);
            var pageResponse = await api.SendAsync(page);
            Assert.That(pageResponse.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(pageResponse.Headers.Location!.AbsolutePath, Is.EqualTo("/hangfire/login"));

            using var action = new HttpRequestMessage(HttpMethod.Post, "/hangfire/recurring/trigger")
            {
                Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", "daily-digest")]),
            };
            action.Headers.Authorization = new AuthenticationHeaderValue(scheme, user.Token);
            Assert.That((await api.SendAsync(action)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    private string Base => _factory.BaseAddress.ToString().TrimEnd('/');

    /// <summary>A job whose payload no longer describes its command: it fails at once, without retries.</summary>
    private string CreateFailedJob() =>
        _factory
            .Services.GetRequiredService<IBackgroundJobClient>()
            .Create(JobDispatcher.CreateJob("email.welcome", "not json", null), new EnqueuedState());

    private string? StateOf(string jobId)
    {
        using var connection = _factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetJobData(jobId)?.State;
    }

    private async Task WaitForStateAsync(string jobId, string state)
    {
        var clock = Stopwatch.StartNew();
        while (StateOf(jobId) != state)
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), $"job {jobId} reaches {state}");
            await Task.Delay(50);
        }
    }

    private async Task WaitForAuditAsync(string action, string target, string outcome = "ok")
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var scope = _factory.Services.CreateScope();
            var entries = await scope.ServiceProvider.GetRequiredService<IAuditLog>().GetPageAsync(null, 200, CancellationToken.None);
            if (entries.Any(e => e.Action == action && e.Target == target && e.Outcome == outcome))
            {
                return;
            }

            Assert.That(
                clock.Elapsed,
                Is.LessThan(TimeSpan.FromSeconds(30)),
                $"audit entry {action} {target} {outcome}; have: {string.Join("; ", entries.Select(e => $"{e.Action} {e.Target} {e.Outcome}"))}"
            );
            await Task.Delay(50);
        }
    }

    private async Task<string> UserIdAsync(string username) =>
        (
            await _factory.QueryAsync(db =>
                Task.FromResult(db.Set<Domain.Users.User>().Where(u => u.Username == username).Select(u => u.Id).Single())
            )
        ).ToString();

    [GeneratedRegex("name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
