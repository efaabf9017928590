using System.Net;
using System.Text.Json.Nodes;
using CleanApp.WebApi.CommandLine;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Administration;

/// <summary>Administrators made the way an operator makes the first one (the <c>create-admin</c> verb), and role changes over HTTP.</summary>
public static class Accounts
{
    public const string AdminPassword = "admin-password-123";

    /// <summary>Runs <c>create-admin</c> for a new account (password on standard input), then signs it in over HTTP.</summary>
    public static async Task<TestUser> CreateAdminAsync(CleanAppFactory factory, HttpClient client)
    {
        var username = ConduitHelpers.Unique("admin");
        var email = $"{username}@example.com";
        var output = new StringWriter();
        var exit = await CreateAdminVerb.RunAsync(
            factory.Services,
            ["create-admin", "--email", email, "--username", username],
            new StringReader(AdminPassword + "\n"),
            output
        );
        Assert.That(exit, Is.EqualTo(0), output.ToString());
        return new TestUser(username, email, AdminPassword, await LoginAsync(client, email, AdminPassword));
    }

    public static async Task<string> LoginAsync(HttpClient client, string email, string password)
    {
        var response = await client.SendAsync(HttpMethod.Post, "/api/users/login", body: new { user = new { email, password } });
        var json = await response.ReadJsonAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json?.ToJsonString());
        return json!["user"]!["token"]!.GetValue<string>();
    }

    public static Task<HttpResponseMessage> SetRolesAsync(HttpClient client, string adminToken, string username, params string[] roles) =>
        client.SendAsync(HttpMethod.Put, $"/api/admin/accounts/{username}/roles", adminToken, new { account = new { roles } });

    /// <summary>A new user whom <paramref name="adminToken"/> makes an editor.</summary>
    public static async Task<TestUser> CreateEditorAsync(HttpClient client, string adminToken)
    {
        var editor = await client.RegisterAsync("editor");
        var response = await SetRolesAsync(client, adminToken, editor.Username, "editor");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return editor;
    }

    /// <summary>The audit entries whose target mentions <paramref name="target"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<JsonNode>> AuditAsync(HttpClient client, string adminToken, string target)
    {
        var json = await client.GetOkAsync($"/api/admin/audit?target={Uri.EscapeDataString(target)}&limit=100", adminToken);
        return json["entries"]!.AsArray().Select(e => e!).Reverse().ToList();
    }
}
