namespace CleanApp.Application.Profiles;

/// <summary>A user as others see it (<c>{"profile": {...}}</c>, and every article's and comment's <c>author</c>).</summary>
public sealed record ProfileDto
{
    public string Username { get; init; } = string.Empty;

    public string? Bio { get; init; }

    public string? Image { get; init; }

    /// <summary>Whether the caller follows this user; false for anonymous callers.</summary>
    public bool Following { get; init; }
}
