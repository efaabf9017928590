using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>
/// Two instances behind a load balancer share one database: a token minted by one is accepted by the other. They are
/// deployed at different paths (different content roots), so this holds only because the key ring lives in the database
/// AND the Data Protection application name is fixed (by default it is derived from the content root path).
/// </summary>
public sealed class SharedKeyRingTests
{
    [Test]
    public async Task A_token_issued_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        using var first = new CleanAppFactory();
        using var firstClient = first.CreateClient();
        var user = await firstClient.RegisterAsync("shared");

        var elsewhere = Directory.CreateTempSubdirectory("cleanapp-instance-b-");
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(elsewhere.FullName, "appsettings.json"));
            using var second = new SecondInstance(first.DatabasePath, elsewhere.FullName);
            using var secondClient = second.CreateClient();

            var response = await secondClient.SendAsync(HttpMethod.Get, "/api/user", user.Token);

            var body = await response.ReadJsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body?.ToJsonString());
            Assert.That((string)body!["user"]!["username"]!, Is.EqualTo(user.Username));
        }
        finally
        {
            elsewhere.Delete(recursive: true);
        }
    }

    /// <summary>The same application on the first instance's database file, from another content root; leaves the file alone.</summary>
    private sealed class SecondInstance(string databasePath, string contentRoot)
        : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseContentRoot(contentRoot);
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Jobs:Enabled", "false");
        }
    }
}
