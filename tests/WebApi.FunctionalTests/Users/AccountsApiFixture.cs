using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Users;

/// <summary>One host on its own SQLite file per fixture; tests register their own uniquely named users.</summary>
public abstract class AccountsApiFixture
{
    protected CleanAppFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartHost()
    {
        Factory = CreateFactory();
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        Client.Dispose();
        Factory.Dispose();
    }

    protected virtual CleanAppFactory CreateFactory() => new();

    protected static string UniqueName(string prefix = "user") => $"{prefix}_{Guid.NewGuid():N}"[..20];

    protected Task<HttpResponseMessage> PostUsersAsync(object user) => Client.SendAsync(HttpMethod.Post, "/api/users", body: new { user });

    protected Task<HttpResponseMessage> LoginAsync(object user) =>
        Client.SendAsync(HttpMethod.Post, "/api/users/login", body: new { user });

    protected Task<HttpResponseMessage> PutUserAsync(string? token, object user) =>
        Client.SendAsync(HttpMethod.Put, "/api/user", token, new { user });

    protected Task<HttpResponseMessage> GetUserAsync(string? token, string scheme = "Token") =>
        Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/user").WithToken(token, scheme));
}
