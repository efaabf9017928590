namespace CleanApp.Domain.Common;

/// <summary>A domain invariant was violated. <see cref="Key"/> names the offending property for the API's error body.</summary>
public class DomainException(string key, string message) : Exception(message)
{
    public string Key { get; } = key;
}
