using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Administration;

/// <summary>The platform is never left without an administrator: the last one cannot demote or suspend themself (422).</summary>
public sealed class LastAdministratorTests
{
    [Test]
    public async Task The_last_administrator_cannot_drop_their_admin_role_or_suspend_themself_but_one_of_two_can()
    {
        using var factory = new CleanAppFactory();
        using var client = factory.CreateClient();
        var admin = await Accounts.CreateAdminAsync(factory, client);

        var demote = await Accounts.SetRolesAsync(client, admin.Token, admin.Username, "editor");
        var suspend = await client.SendAsync(
            HttpMethod.Put,
            $"/api/admin/accounts/{admin.Username}/suspension",
            admin.Token,
            new { suspension = new { reason = "oops" } }
        );

        await ApiAssert.ExactErrorAsync(
            demote,
            HttpStatusCode.UnprocessableEntity,
            "roles",
            "can't drop the admin role of the last administrator"
        );
        await ApiAssert.ExactErrorAsync(suspend, HttpStatusCode.UnprocessableEntity, "account", "can't suspend the last administrator");
        var unchanged = await client.GetOkAsync($"/api/admin/accounts?q={admin.Username}", admin.Token);
        Assert.That(unchanged["accounts"]![0]!["roles"].Strings(), Is.EqualTo(new[] { "admin", "user" }));
        Assert.That(unchanged["accounts"]![0]!["status"].Str(), Is.EqualTo("active"));

        // With a second administrator, the first may step down.
        var second = await Accounts.CreateAdminAsync(factory, client);
        var stepDown = await Accounts.SetRolesAsync(client, admin.Token, admin.Username, "editor");

        Assert.That(stepDown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await stepDown.ReadJsonAsync())!["account"]!["roles"].Strings(), Is.EqualTo(new[] { "editor", "user" }));
        await ApiAssert.ExactErrorAsync(
            await client.SendAsync(HttpMethod.Get, "/api/admin/accounts", admin.Token),
            HttpStatusCode.Forbidden,
            "user",
            "forbidden"
        );
        Assert.That(
            (await client.SendAsync(HttpMethod.Get, "/api/admin/accounts", second.Token)).StatusCode,
            Is.EqualTo(HttpStatusCode.OK)
        );
    }
}
