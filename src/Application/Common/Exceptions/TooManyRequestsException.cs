namespace CleanApp.Application.Common.Exceptions;

/// <summary>
/// The caller must wait before trying again (repeated failed sign-ins). Mapped to 429 with a <c>Retry-After</c> header of
/// <see cref="RetryAfter"/> rounded up to whole seconds.
/// </summary>
public sealed class TooManyRequestsException(string key, string message, TimeSpan retryAfter) : Exception($"{key} {message}")
{
    public string Key { get; } = key;

    public string Reason { get; } = message;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
