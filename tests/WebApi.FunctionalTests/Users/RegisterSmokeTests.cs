using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Users;

public sealed class RegisterSmokeTests
{
    private CleanAppFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new CleanAppFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task Registered_user_can_read_itself_with_the_token_prefix()
    {
        var user = await _client.RegisterAsync();

        var response = await _client.SendAsync(HttpMethod.Get, "/api/user", user.Token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.ReadJsonAsync();
        Assert.That(body!["user"]!["username"]!.GetValue<string>(), Is.EqualTo(user.Username));
    }
}
