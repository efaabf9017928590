using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Users;

/// <summary>Requests that are unusual but legitimate (or harmless), and the order of checks: authentication first.</summary>
public sealed class RequestEdgeCaseTests : AccountsApiFixture
{
    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("application/json; charset=UTF-8")]
    [TestCase("Application/JSON")]
    [TestCase("application/json; charset=\"utf-8\"")]
    public async Task Any_spelling_of_the_JSON_media_type_is_accepted(string contentType)
    {
        var username = UniqueName();
        var content = new ByteArrayContent(
            Encoding.UTF8.GetBytes(
                $$$"""{"user":{"username":"{{{username}}}","email":"{{{username}}}@example.com","password":"password123"}}"""
            )
        );
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await Client.PostAsync("/api/users", content);

        await ApiAssert.UserBodyAsync(response, HttpStatusCode.Created, username, $"{username}@example.com");
    }

    [Test]
    public async Task Unknown_extra_fields_are_ignored()
    {
        var username = UniqueName();

        var response = await PostUsersAsync(
            new
            {
                username,
                email = $"{username}@example.com",
                password = "password123",
                admin = true,
                bio = "ignored on register",
            }
        );

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.Created, username, $"{username}@example.com");
        Assert.That(user["bio"], Is.Null);
    }

    [Test]
    public async Task An_empty_user_object_on_PUT_changes_nothing_and_answers_200()
    {
        var registered = await Client.RegisterAsync();
        var before = await Factory.AccountsFingerprintAsync();

        var response = await PutUserAsync(registered.Token, new { });

        await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before));
    }

    [TestCase("text/plain", "not json at all")]
    [TestCase("application/json", "{\"user\":")]
    [TestCase("application/json", "")]
    public async Task GET_api_user_ignores_whatever_body_comes_with_it(string contentType, string body)
    {
        var registered = await Client.RegisterAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user").WithToken(registered.Token);
        request.Content = new StringContent(body, Encoding.UTF8, contentType);

        var response = await Client.SendAsync(request);

        await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
    }

    [TestCase("garbage")]
    [TestCase(null)]
    public async Task A_missing_or_invalid_token_is_401_before_the_JSON_body_is_even_parsed(string? token)
    {
        var before = await Factory.AccountsFingerprintAsync();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/user").WithToken(token);
        request.Content = new StringContent("{\"user\":", Encoding.UTF8, "application/json");

        var response = await Client.SendAsync(request);

        await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(await Factory.AccountsFingerprintAsync(), Is.EqualTo(before));
    }

    [TestCase("Token ")]
    [TestCase("Token")]
    [TestCase("Bearer ")]
    [TestCase("")]
    public async Task An_Authorization_header_without_a_token_is_401_with_an_errors_body(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await Client.SendAsync(request);

        var errors = await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "token" }));
    }

    [Test]
    public async Task A_token_with_surrounding_spaces_is_accepted()
    {
        var registered = await Client.RegisterAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user");
        request.Headers.TryAddWithoutValidation("Authorization", $"Token   {registered.Token}  ");

        var response = await Client.SendAsync(request);

        await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
    }

    [Test]
    public async Task An_unknown_route_outside_api_is_a_ProblemDetails_404()
    {
        var response = await Client.GetAsync("/no-such-page");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task A_login_response_never_echoes_the_password()
    {
        var registered = await Client.RegisterAsync();

        var response = await LoginAsync(new { email = registered.Email, password = registered.Password });

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(registered.Password));
    }

    [Test]
    public async Task Error_responses_are_never_cached_as_HTML()
    {
        var response = await Client.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, "/api/user")
            {
                Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/html") } },
            }
        );

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.Unauthorized, "token", "is missing");
    }
}

/// <summary>A host on a clock the test moves by hand, so token expiry is tested without waiting.</summary>
public sealed class TokenExpiryTests : AccountsApiFixture
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    protected override CleanAppFactory CreateFactory() => new ClockFactory(_clock);

    [Test]
    public async Task A_token_is_accepted_until_it_expires_and_then_is_401_with_an_errors_body()
    {
        var registered = await Client.RegisterAsync();
        _clock.Now += TimeSpan.FromDays(6);
        Assert.That((await GetUserAsync(registered.Token)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "still within the 7-day lifetime");

        _clock.Now += TimeSpan.FromDays(2);
        var response = await GetUserAsync(registered.Token);

        var errors = await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "token" }));
    }

    private sealed class ClockFactory(TimeProvider clock) : CleanAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Auth:TokenLifetime", "7.00:00:00");
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
