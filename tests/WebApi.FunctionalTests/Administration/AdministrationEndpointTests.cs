using System.Net;
using CleanApp.WebApi.CommandLine;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Administration;

/// <summary>
/// <c>/api/admin/accounts</c> and <c>/api/admin/audit</c> over HTTP: the first administrator from the CLI verb, roles,
/// search, suspension (old tokens refused at once) and the audit rows each action leaves.
/// </summary>
public sealed class AdministrationEndpointTests : ApiFixture
{
    private TestUser _admin = null!;

    [OneTimeSetUp]
    public async Task CreateAdmin() => _admin = await Accounts.CreateAdminAsync(Factory, Client);

    [Test]
    public async Task The_create_admin_verb_refuses_to_run_without_a_password_or_an_email()
    {
        var noPassword = new StringWriter();
        var noEmail = new StringWriter();

        var withoutPassword = await CreateAdminVerb.RunAsync(
            Factory.Services,
            ["create-admin", "--email", "nobody@example.com", "--username", "nobody"],
            new StringReader(string.Empty),
            noPassword
        );
        var withoutEmail = await CreateAdminVerb.RunAsync(Factory.Services, ["create-admin"], new StringReader("x"), noEmail);

        Assert.Multiple(() =>
        {
            Assert.That(withoutPassword, Is.EqualTo(2));
            Assert.That(noPassword.ToString(), Does.Contain(CreateAdminVerb.PasswordVariable));
            Assert.That(withoutEmail, Is.EqualTo(2));
            Assert.That(noEmail.ToString(), Does.StartWith("usage: create-admin"));
        });
    }

    [Test]
    public async Task The_verb_makes_an_existing_user_an_administrator_and_audits_it_as_the_system()
    {
        var user = await Client.RegisterAsync("promoted");
        var output = new StringWriter();

        var exit = await CreateAdminVerb.RunAsync(
            Factory.Services,
            ["create-admin", "--email", user.Email],
            new StringReader(user.Password + "\n"),
            output
        );
        var account = await Client.GetOkAsync($"/api/admin/accounts?q={user.Username}", _admin.Token);
        var audit = await Accounts.AuditAsync(Client, _admin.Token, user.Username);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), output.ToString());
            Assert.That(account["accounts"]![0]!["roles"].Strings(), Is.EqualTo(new[] { "admin", "user" }));
            Assert.That(audit.Select(e => (e["action"].Str(), e["actor"].Str())), Is.EqualTo(new[] { ("account.create-admin", "system") }));
        });
    }

    [TestCase(null, HttpStatusCode.Unauthorized, "token", "is missing")]
    [TestCase("user", HttpStatusCode.Forbidden, "user", "forbidden")]
    [TestCase("editor", HttpStatusCode.Forbidden, "user", "forbidden")]
    public async Task Only_administrators_reach_the_account_and_audit_endpoints(
        string? role,
        HttpStatusCode status,
        string key,
        string message
    )
    {
        var target = await Client.RegisterAsync("target");
        string? token = role switch
        {
            null => null,
            "editor" => (await Accounts.CreateEditorAsync(Client, _admin.Token)).Token,
            _ => (await Client.RegisterAsync("plain")).Token,
        };

        var requests = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, "/api/admin/accounts", null),
            (HttpMethod.Get, "/api/admin/audit", null),
            (HttpMethod.Put, $"/api/admin/accounts/{target.Username}/roles", new { account = new { roles = new[] { "admin" } } }),
            (HttpMethod.Put, $"/api/admin/accounts/{target.Username}/suspension", new { suspension = new { reason = "spam" } }),
            (HttpMethod.Delete, $"/api/admin/accounts/{target.Username}/suspension", null),
        };
        foreach (var (method, url, body) in requests)
        {
            var response = await Client.SendAsync(method, url, token, body);
            await ApiAssert.ExactErrorAsync(response, status, key, message);
        }

        var after = await Client.GetOkAsync($"/api/admin/accounts?q={target.Username}", _admin.Token);
        Assert.That(after["accounts"]![0]!["roles"].Strings(), Is.EqualTo(new[] { "user" }), "a refused request changes nothing");
        Assert.That(after["accounts"]![0]!["status"].Str(), Is.EqualTo("active"));
    }

    [Test]
    public async Task An_admin_promotes_a_user_to_editor_and_can_find_them_by_role_and_search()
    {
        var user = await Client.RegisterAsync("promote");
        var article = await Client.CreateArticleAsync(user.Token);
        await Client.AddCommentAsync(user.Token, article["slug"].Str());

        var response = await Accounts.SetRolesAsync(Client, _admin.Token, user.Username, "editor");
        var account = (await response.ReadJsonAsync())!["account"]!;
        var editors = await Client.GetOkAsync("/api/admin/accounts?role=editor&limit=100", _admin.Token);
        var byEmail = await Client.GetOkAsync($"/api/admin/accounts?q={user.Email.ToUpperInvariant()}", _admin.Token);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(account["username"].Str(), Is.EqualTo(user.Username));
            Assert.That(account["email"].Str(), Is.EqualTo(user.Email));
            Assert.That(account["roles"].Strings(), Is.EqualTo(new[] { "editor", "user" }));
            Assert.That(account["status"].Str(), Is.EqualTo("active"));
            Assert.That(account["articlesCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(account["commentsCount"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(account["createdAt"].Str(), Does.Match(ConduitHelpers.TimestampPattern));
            Assert.That(account["lastSignInAt"], Is.Null, "registered, never signed in");
            Assert.That(editors["accounts"]!.AsArray().Select(a => a!["username"].Str()), Does.Contain(user.Username));
            Assert.That(editors["accounts"]!.AsArray().Select(a => a!["roles"].Strings()), Has.All.Contains("editor"));
            Assert.That(byEmail["accountsCount"]!.GetValue<int>(), Is.EqualTo(1), "q matches the email, case-insensitively");
            Assert.That(byEmail["accounts"]![0]!["username"].Str(), Is.EqualTo(user.Username));
        });

        // Back to a plain user: the editor role goes, `user` always stays.
        var demoted = (await (await Accounts.SetRolesAsync(Client, _admin.Token, user.Username)).ReadJsonAsync())!["account"]!;
        Assert.That(demoted["roles"].Strings(), Is.EqualTo(new[] { "user" }));
        var audit = await Accounts.AuditAsync(Client, _admin.Token, user.Username);
        Assert.That(
            audit.Select(e => (e["action"].Str(), e["actor"].Str(), e["target"].Str())),
            Is.EqualTo(
                new[]
                {
                    ("account.roles", _admin.Email, $"account {user.Username} → editor, user"),
                    ("account.roles", _admin.Email, $"account {user.Username} → user"),
                }
            )
        );
    }

    [Test]
    public async Task Listing_pages_with_a_total_count_and_filters_by_status()
    {
        var prefix = ConduitHelpers.Unique("page");
        var users = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            users.Add(await Client.RegisterAsync(prefix));
        }

        var first = await Client.GetOkAsync($"/api/admin/accounts?q={prefix}&limit=2", _admin.Token);
        var second = await Client.GetOkAsync($"/api/admin/accounts?q={prefix}&limit=2&offset=2", _admin.Token);
        await Client.SendAsync(
            HttpMethod.Put,
            $"/api/admin/accounts/{users[1].Username}/suspension",
            _admin.Token,
            new { suspension = new { reason = "spam" } }
        );
        var suspended = await Client.GetOkAsync($"/api/admin/accounts?q={prefix}&status=suspended", _admin.Token);
        var active = await Client.GetOkAsync($"/api/admin/accounts?q={prefix}&status=active", _admin.Token);

        Assert.Multiple(() =>
        {
            Assert.That(first["accountsCount"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(first["accounts"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(second["accounts"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(
                first["accounts"]!.AsArray().Concat(second["accounts"]!.AsArray()).Select(a => a!["username"].Str()),
                Is.EqualTo(users.Select(u => u.Username).Reverse()),
                "newest first"
            );
            Assert.That(suspended["accounts"]!.AsArray().Select(a => a!["username"].Str()), Is.EqualTo(new[] { users[1].Username }));
            Assert.That(active["accountsCount"]!.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_suspended_account_loses_its_tokens_at_once_and_cannot_sign_in_until_the_suspension_is_lifted()
    {
        var user = await Client.RegisterAsync("suspended");
        var token = await Accounts.LoginAsync(Client, user.Email, user.Password);
        Assert.That((await Client.SendAsync(HttpMethod.Get, "/api/user", token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var suspend = await Client.SendAsync(
            HttpMethod.Put,
            $"/api/admin/accounts/{user.Username}/suspension",
            _admin.Token,
            new { suspension = new { reason = "spam links" } }
        );
        var account = (await suspend.ReadJsonAsync())!["account"]!;
        var oldToken = await Client.SendAsync(HttpMethod.Get, "/api/user", token);
        var registerToken = await Client.SendAsync(
            HttpMethod.Post,
            "/api/articles",
            user.Token,
            new
            {
                article = new
                {
                    title = "t",
                    description = "d",
                    body = "b",
                },
            }
        );
        var signIn = await Client.SendAsync(
            HttpMethod.Post,
            "/api/users/login",
            body: new { user = new { email = user.Email, password = user.Password } }
        );
        var wrongPassword = await Client.SendAsync(
            HttpMethod.Post,
            "/api/users/login",
            body: new { user = new { email = user.Email, password = "wrong-password" } }
        );

        Assert.Multiple(() =>
        {
            Assert.That(suspend.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(account["status"].Str(), Is.EqualTo("suspended"));
            Assert.That(account["suspensionReason"].Str(), Is.EqualTo("spam links"));
            Assert.That(account["suspendedUntil"], Is.Null);
            Assert.That(account["lastSignInAt"].Str(), Does.Match(ConduitHelpers.TimestampPattern));
        });
        await ApiAssert.ErrorBodyAsync(oldToken, HttpStatusCode.Unauthorized);
        await ApiAssert.ErrorBodyAsync(registerToken, HttpStatusCode.Unauthorized);
        await ApiAssert.ExactErrorAsync(signIn, HttpStatusCode.Forbidden, "account", "is suspended");
        await ApiAssert.ExactErrorAsync(wrongPassword, HttpStatusCode.Unauthorized, "credentials", "invalid");

        var lift = await Client.SendAsync(HttpMethod.Delete, $"/api/admin/accounts/{user.Username}/suspension", _admin.Token);
        var liftAgain = await Client.SendAsync(HttpMethod.Delete, $"/api/admin/accounts/{user.Username}/suspension", _admin.Token);
        var newToken = await Accounts.LoginAsync(Client, user.Email, user.Password);

        Assert.That(lift.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await lift.ReadJsonAsync())!["account"]!["status"].Str(), Is.EqualTo("active"));
        await ApiAssert.ErrorBodyAsync(liftAgain, HttpStatusCode.Conflict);
        await ApiAssert.ErrorBodyAsync(await Client.SendAsync(HttpMethod.Get, "/api/user", token), HttpStatusCode.Unauthorized);
        Assert.That((await Client.SendAsync(HttpMethod.Get, "/api/user", newToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var audit = await Accounts.AuditAsync(Client, _admin.Token, user.Username);
        Assert.That(
            audit.Select(e => (e["action"].Str(), e["actor"].Str(), e["reason"]?.GetValue<string>())),
            Is.EqualTo(new[] { ("account.suspend", _admin.Email, "spam links"), ("account.unsuspend", _admin.Email, (string?)null) })
        );
    }

    [Test]
    public async Task Unknown_accounts_are_404_on_every_account_endpoint()
    {
        var requests = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Put, "/api/admin/accounts/nobody-here/roles", new { account = new { roles = new[] { "editor" } } }),
            (HttpMethod.Put, "/api/admin/accounts/nobody-here/suspension", new { suspension = new { reason = "x" } }),
            (HttpMethod.Delete, "/api/admin/accounts/nobody-here/suspension", null),
        };
        foreach (var (method, url, body) in requests)
        {
            await ApiAssert.ExactErrorAsync(
                await Client.SendAsync(method, url, _admin.Token, body),
                HttpStatusCode.NotFound,
                "account",
                "not found"
            );
        }
    }

    [Test]
    public async Task The_audit_log_filters_by_action_family_and_pages()
    {
        var user = await Client.RegisterAsync("audited");
        await Accounts.SetRolesAsync(Client, _admin.Token, user.Username, "editor");
        await Client.SendAsync(
            HttpMethod.Put,
            $"/api/admin/accounts/{user.Username}/suspension",
            _admin.Token,
            new { suspension = new { reason = "r" } }
        );

        var family = await Client.GetOkAsync($"/api/admin/audit?action=account&target={user.Username}", _admin.Token);
        var exact = await Client.GetOkAsync($"/api/admin/audit?action=account.suspend&target={user.Username}", _admin.Token);
        var paged = await Client.GetOkAsync($"/api/admin/audit?target={user.Username}&limit=1&offset=1", _admin.Token);
        var byActor = await Client.GetOkAsync(
            $"/api/admin/audit?actor={_admin.Email.ToUpperInvariant()}&target={user.Username}",
            _admin.Token
        );

        Assert.Multiple(() =>
        {
            Assert.That(family["entriesCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(exact["entries"]!.AsArray().Select(e => e!["action"].Str()), Is.EqualTo(new[] { "account.suspend" }));
            Assert.That(paged["entries"]!.AsArray().Select(e => e!["action"].Str()), Is.EqualTo(new[] { "account.roles" }), "newest first");
            Assert.That(paged["entriesCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(byActor["entriesCount"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(family["entries"]![0]!["at"].Str(), Does.Match(ConduitHelpers.TimestampPattern));
        });
    }
}
