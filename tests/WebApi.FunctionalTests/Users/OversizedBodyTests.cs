using System.Net;
using System.Text;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Users;

/// <summary>Api:MaxRequestBodyBytes lowered to 1 KiB for this host, so a modest body is already too large.</summary>
public sealed class OversizedBodyTests : AccountsApiFixture
{
    private const int Limit = 1024;
    private TestUser _owner = null!;

    protected override CleanAppFactory CreateFactory() =>
        new CleanAppFactory().WithSetting("Api:MaxRequestBodyBytes", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [OneTimeSetUp]
    public async Task RegisterOwner() => _owner = await Client.RegisterAsync("owner");

    [TestCase("POST", "/api/users")]
    [TestCase("POST", "/api/users/login")]
    [TestCase("PUT", "/api/user")]
    public async Task A_body_over_the_limit_is_413_and_changes_nothing(string method, string path)
    {
        var before = await Factory.AccountsFingerprintAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path).WithToken(_owner.Token);
        request.Content = ApiClient.Json(OversizedJson());

        var response = await Client.SendAsync(request);

        await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before));
    }

    [TestCase("POST", "/api/users")]
    [TestCase("POST", "/api/users/login")]
    [TestCase("PUT", "/api/user")]
    public async Task A_chunked_body_over_the_limit_without_a_length_is_413_and_changes_nothing(string method, string path)
    {
        var before = await Factory.AccountsFingerprintAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path).WithToken(_owner.Token);
        request.Content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(OversizedJson())));
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendAsync(request);

        await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_body_under_the_limit_is_still_accepted()
    {
        var username = UniqueName();

        var response = await PostUsersAsync(
            new
            {
                username,
                email = $"{username}@example.com",
                password = "password123",
            }
        );

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    /// <summary>A well-formed, otherwise valid body: only its size is wrong.</summary>
    private string OversizedJson()
    {
        var user = new System.Text.Json.Nodes.JsonObject
        {
            ["username"] = UniqueName(),
            ["email"] = _owner.Email,
            ["password"] = _owner.Password,
            ["padding"] = new string('x', Limit * 4),
        };
        return new System.Text.Json.Nodes.JsonObject { ["user"] = user }.ToJsonString();
    }

    /// <summary>Hides the length so HttpClient must send the body chunked.</summary>
    private sealed class UnseekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
