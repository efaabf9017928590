namespace CleanApp.Application.Common.Exceptions;

/// <summary>
/// The caller could not be authenticated: no token (<c>token</c> → <c>is missing</c>) or wrong credentials
/// (<c>credentials</c> → <c>invalid</c>). Mapped to 401.
/// </summary>
public sealed class AuthenticationFailedException(string key, string message) : Exception($"{key} {message}")
{
    public static AuthenticationFailedException MissingToken() => new("token", "is missing");

    public static AuthenticationFailedException InvalidCredentials() => new("credentials", "invalid");

    public string Key { get; } = key;

    public string Reason { get; } = message;
}
