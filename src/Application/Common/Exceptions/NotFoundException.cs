namespace CleanApp.Application.Common.Exceptions;

/// <summary>The addressed resource does not exist. <see cref="Key"/> is the resource name in the error body (<c>article</c> → <c>not found</c>).</summary>
public sealed class NotFoundException(string key) : Exception($"{key} not found")
{
    public string Key { get; } = key;
}
