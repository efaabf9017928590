namespace CleanApp.Application.Users;

/// <summary>The authenticated user as the API returns it (<c>{"user": {...}}</c>).</summary>
public sealed record UserDto
{
    public string Email { get; init; } = string.Empty;

    public string Token { get; init; } = string.Empty;

    public string Username { get; init; } = string.Empty;

    public string? Bio { get; init; }

    public string? Image { get; init; }
}
