using Microsoft.Playwright;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>
/// Headless Chromium from the system package (<c>apt-get install -y chromium</c>). Tests are skipped only when
/// /usr/bin/chromium does not exist; any other launch problem fails them.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Ignore($"{ChromiumPath} is missing: install it with `apt-get update && apt-get install -y chromium`.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            }
        );
        return (playwright, browser);
    }

    /// <summary>Signs in through the real login form and returns the page on the overview.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, Uri baseAddress, string email, string password = OpsUsers.Password)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hangfire/login");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/hangfire");
        return page;
    }
}
