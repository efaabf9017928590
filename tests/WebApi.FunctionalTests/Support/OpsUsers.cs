using System.Net;
using System.Text.RegularExpressions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>Creates ops accounts through the real service, and signs in over HTTP the way the login form does.</summary>
public static partial class OpsUsers
{
    public const string Password = "ops-password-123";

    public static async Task<string> CreateAsync(IServiceProvider services, string role, string? email = null)
    {
        email ??= $"ops-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        using var scope = services.CreateScope();
        var errors = await scope.ServiceProvider.GetRequiredService<IOpsUserService>().CreateOrUpdateAsync(email, Password, role);
        Assert.That(errors, Is.Empty, string.Join("; ", errors.SelectMany(e => e.Value)));
        return email;
    }

    public static Task<string> CreateOperatorAsync(IServiceProvider services) => CreateAsync(services, OpsRoles.Operator);

    public static Task<string> CreateReaderAsync(IServiceProvider services) => CreateAsync(services, OpsRoles.Reader);

    /// <summary>An HttpClient holding cookies, without following redirects, so tests see 302s.</summary>
    public static HttpClient CookieClient(CleanAppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        Assert.That(match.Success, Is.True, $"no antiforgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var token = await AntiforgeryTokenAsync(client, "/hangfire/login");
        return await client.PostAsync(
            "/hangfire/login",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["email"] = email,
                    ["password"] = password,
                    ["returnUrl"] = "/hangfire",
                }
            )
        );
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
