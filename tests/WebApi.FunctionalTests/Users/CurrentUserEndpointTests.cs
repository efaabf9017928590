using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Users;

public sealed class CurrentUserEndpointTests : AccountsApiFixture
{
    [TestCase("Token")]
    [TestCase("Bearer")]
    [TestCase("token")]
    public async Task The_token_is_accepted_with_either_scheme_word(string scheme)
    {
        var registered = await Client.RegisterAsync();

        var response = await GetUserAsync(registered.Token, scheme);

        var user = await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
        Assert.That(user.ContainsKey("bio") && user["bio"] is null && user.ContainsKey("image") && user["image"] is null);
    }

    [Test]
    public async Task No_Authorization_header_is_401_token_is_missing()
    {
        var response = await GetUserAsync(null);

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.Unauthorized, "token", "is missing");
    }

    [TestCase("Token", "garbage")]
    [TestCase("Bearer", "garbage")]
    [TestCase("Token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")]
    public async Task A_garbage_token_is_401_with_an_errors_body(string scheme, string token)
    {
        var response = await GetUserAsync(token, scheme);

        var errors = await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.Unauthorized);
        Assert.That(errors.Select(e => e.Key), Is.EqualTo(new[] { "token" }));
    }

    [Test]
    public async Task An_unknown_scheme_is_401_with_an_errors_body()
    {
        var registered = await Client.RegisterAsync();

        var response = await GetUserAsync(registered.Token, "Basic");

        await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_token_with_a_flipped_character_is_401()
    {
        var registered = await Client.RegisterAsync();
        var tampered = registered.Token[..^3] + (registered.Token[^3] == 'A' ? 'B' : 'A') + registered.Token[^2..];

        var response = await GetUserAsync(tampered);

        await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_GET_with_a_json_content_type_and_no_body_is_200()
    {
        // The old Postman collection sends Content-Type: application/json on bodiless GETs.
        var registered = await Client.RegisterAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user").WithToken(registered.Token);
        request.Content = new ByteArrayContent([]);
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await Client.SendAsync(request);

        await ApiAssert.UserBodyAsync(response, HttpStatusCode.OK, registered.Username, registered.Email);
    }
}
