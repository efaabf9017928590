namespace CleanApp.Application.Common.Exceptions;

/// <summary>The caller is known but may not act on this resource (not its author, or lacking a role/policy).</summary>
public sealed class ForbiddenAccessException(string key) : Exception($"{key} forbidden")
{
    public string Key { get; } = key;
}
