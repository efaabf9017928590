using System.Diagnostics;
using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Dashboard;

/// <summary>Who may open the dashboard, over HTTP without a browser: deny by default, public API tokens do not count.</summary>
public sealed class OpsAccessTests
{
    private CleanAppFactory _factory = null!;

    [OneTimeSetUp]
    public void Start() => _factory = new CleanAppFactory().WithSetting("Jobs:Enabled", "false");

    [OneTimeTearDown]
    public void Stop() => _factory.Dispose();

    [Test]
    public async Task A_public_api_user_with_a_valid_token_is_not_an_ops_user()
    {
        using var api = _factory.CreateClient();
        var user = await api.RegisterAsync("public");
        using var client = OpsUsers.CookieClient(_factory);

        var page = await client.SendAsync(HttpMethod.Get, "/jobs", user.Token);
        var action = await client.SendAsync(HttpMethod.Post, "/jobs/actions/jobs/delete", user.Token);
        var signIn = await OpsUsers.SignInAsync(client, user.Email, user.Password);

        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(page.Headers.Location!.AbsolutePath, Is.EqualTo("/jobs/login"));
            Assert.That(action.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the login form refuses accounts without an ops role");
        });
    }

    [Test]
    public async Task Reader_session_gets_403_on_actions_and_operator_session_gets_through()
    {
        var reader = await OpsUsers.CreateReaderAsync(_factory.Services);
        using var client = OpsUsers.CookieClient(_factory);
        Assert.That((await OpsUsers.SignInAsync(client, reader)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var token = await OpsUsers.AntiforgeryTokenAsync(client, "/jobs/queues");
        var response = await client.PostAsync(
            "/jobs/actions/queues/pause",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["queue"] = "default" })
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await client.GetAsync("/jobs/queues")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Create_ops_user_verb_creates_an_operator_that_can_sign_in()
    {
        var email = $"first-ops-{Guid.NewGuid().ToString("N")[..6]}@example.com";
        var (exit, output) = await RunVerbAsync(["create-ops-user", "--email", email, "--role", "operator"], stdin: "verb-password-42\n");
        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("JobsOperator"));
        Assert.That(output, Does.Not.Contain("verb-password-42"), "the password is never echoed");

        using var client = OpsUsers.CookieClient(_factory);
        var signIn = await OpsUsers.SignInAsync(client, email, "verb-password-42");
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var overview = await client.GetStringAsync("/jobs");
        Assert.That(overview, Does.Contain(email).And.Contain("(operator)"));
    }

    [Test]
    public async Task Create_ops_user_verb_refuses_to_run_without_a_password()
    {
        var (exit, output) = await RunVerbAsync(
            ["create-ops-user", "--email", "nopass@example.com", "--role", "reader"],
            stdin: string.Empty
        );

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.Contain("No password"));
    }

    /// <summary>Runs the real WebApi entry point as a child process against this fixture's database file.</summary>
    private async Task<(int Exit, string Output)> RunVerbAsync(string[] args, string stdin)
    {
        _ = _factory.Services; // the host has migrated the database file
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CleanApp.WebApi.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={_factory.DatabasePath}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Jobs__Enabled"] = "false";
        start.Environment.Remove("CLEANAPP_OPS_PASSWORD");

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
