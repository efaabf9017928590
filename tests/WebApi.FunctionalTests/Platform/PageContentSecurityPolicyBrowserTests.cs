using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Playwright;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>
/// Each HTML page, in real headless Chromium against the real host on Kestrel, renders and works under its strict
/// Content-Security-Policy (Common/SecurityHeaders.cs) with no violation: scripts run, styles apply, the API is reachable.
/// Every <c>securitypolicyviolation</c> the page reports is collected from the first byte on.
/// </summary>
[NonParallelizable]
public sealed class PageContentSecurityPolicyBrowserTests
{
    // Listens before any page script runs, so nothing the page does escapes the record.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__cspViolations.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
        """;

    private KestrelCleanAppFactory _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_playwright, _browser) = await Browser.LaunchAsync();
        _host = new KestrelCleanAppFactory();
        _host.WithSetting("Jobs:Enabled", "false");
        _host.Start();
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
    public async Task Swagger_UI_renders_and_Try_it_out_calls_the_API()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/swagger");
        var tags = page.Locator(".opblock-get:has([data-path='/api/tags'])");
        await tags.Locator(".opblock-summary").ClickAsync();
        await tags.Locator(".try-out__btn").ClickAsync();
        await tags.Locator(".execute").ClickAsync();

        await Expect(tags.Locator(".live-responses-table tbody .response-col_status").First).ToHaveTextAsync("200");
        Assert.That(await page.Locator(".opblock").CountAsync(), Is.GreaterThan(15), "every operation is listed");
        Assert.That(await page.Locator(".swagger-ui .info .title").TextContentAsync(), Does.Contain("CleanApp API"));
        Assert.That(await ViolationsAsync(page), Is.Empty);
    }

    [Test]
    public async Task ReDoc_renders_with_its_styles_and_sends_nothing_to_third_parties()
    {
        var page = await NewPageAsync();
        // A request the CSP blocks never gets a response; one that does has left the origin.
        var thirdParty = new List<string>();
        page.Response += (_, response) =>
        {
            if (!response.Url.StartsWith(Base, StringComparison.Ordinal) && !response.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                thirdParty.Add(response.Url);
            }
        };

        await page.GotoAsync("/api-docs");
        await Expect(page.GetByText("/api/users/login").First).ToBeAttachedAsync();

        // styled-components' <style> elements only get a style sheet when the CSP accepts their nonce.
        var styledRules = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('style')].reduce((n, s) => n + (s.sheet ? s.sheet.cssRules.length : 0), 0)"
        );
        Assert.That(styledRules, Is.GreaterThan(50), "ReDoc's run-time styles applied");
        Assert.That(thirdParty, Is.Empty, "no request leaves the origin (fonts, telemetry)");
        // Refused on purpose, and ReDoc copes: its footer logo comes from its CDN (the image is then hidden), and it
        // probes eval() to run search in a worker (it then searches in the page, as checked below).
        var expected = new[]
        {
            "img-src blocked https://cdn.redoc.ly/",
            "script-src blocked eval (" + Base + "/api-docs/redoc.standalone.js:",
        };
        Assert.That((await ViolationsAsync(page)).Where(v => !expected.Any(e => v.StartsWith(e, StringComparison.Ordinal))), Is.Empty);

        await page.Locator("[data-testid=search-trigger]").ClickAsync();
        await page.Keyboard.TypeAsync("login");
        var hit = page.Locator("[data-testid=search-dialog] [data-component-name='Search/SearchItem'][href='#/users/login']");
        await Expect(hit).ToBeVisibleAsync();
    }

    [TestCase("/hangfire")]
    [TestCase("/hangfire/jobs/enqueued")]
    [TestCase("/hangfire/recurring")]
    [TestCase("/hangfire/servers")]
    [TestCase("/hangfire/audit")]
    public async Task Hangfire_dashboard_pages_and_the_sign_in_page_render_with_no_violation(string path)
    {
        var email = await OpsUsers.CreateReaderAsync(_host.Services);
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hangfire/login");
        var signInStyled = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('form')).maxWidth");
        var signInViolations = await ViolationsAsync(page);
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", OpsUsers.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/hangfire");

        await page.GotoAsync(path);
        // Hangfire's own bundle defines window.Hangfire and its stylesheet gives the navigation bar its layout.
        var scriptRan = await page.EvaluateAsync<bool>("() => typeof window.Hangfire === 'object'");
        var navbarPosition = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.navbar')).position");

        Assert.Multiple(async () =>
        {
            Assert.That(signInStyled, Is.EqualTo("320px"), "the sign-in page's nonce'd style applied");
            Assert.That(signInViolations, Is.Empty);
            Assert.That(scriptRan, Is.True, "Hangfire's script ran");
            Assert.That(navbarPosition, Is.EqualTo("fixed"), "Hangfire's stylesheet applied");
            Assert.That(await ViolationsAsync(page), Is.Empty);
        });
    }

    private string Base => _host.BaseAddress.ToString().TrimEnd('/');

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Base });
        await context.AddInitScriptAsync(RecordViolations);
        return context;
    }

    private async Task<IPage> NewPageAsync() => await (await NewContextAsync()).NewPageAsync();

    private static async Task<string[]> ViolationsAsync(IPage page)
    {
        // Violations are reported asynchronously; give late ones (lazy styles, the worker) a moment to arrive.
        await page.WaitForTimeoutAsync(500);
        return await page.EvaluateAsync<string[]>("() => window.__cspViolations");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
