namespace CleanApp.Application.Common.Exceptions;

/// <summary>
/// The caller is known but may not act on this resource (not its author, lacking a role/policy, a suspended account).
/// Mapped to 403 with <c>key → reason</c> (<c>forbidden</c> unless said otherwise).
/// </summary>
public sealed class ForbiddenAccessException(string key, string reason = "forbidden") : Exception($"{key} {reason}")
{
    public string Key { get; } = key;

    public string Reason { get; } = reason;
}
