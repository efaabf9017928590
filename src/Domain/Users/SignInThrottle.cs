namespace CleanApp.Domain.Users;

/// <summary>
/// Sign-in attempts counted in a fixed window under one key: an account together with a client address, or an account
/// alone (docs/decisions/0031-sign-in-throttling.md). The key is a hash, so neither emails nor addresses are stored.
/// Rows are counted up with one UPDATE each, never read-modified-written, so concurrent attempts cannot be lost.
/// </summary>
public sealed class SignInThrottle
{
    public const int KeyLength = 64;

    private SignInThrottle(string key, DateTime windowStart)
    {
        Key = key;
        WindowStart = windowStart;
        Attempts = 1;
    }

    public string Key { get; private set; }

    public DateTime WindowStart { get; private set; }

    public int Attempts { get; private set; }

    public static SignInThrottle FirstAttempt(string key, DateTime now) =>
        key.Length == KeyLength
            ? new SignInThrottle(key, now)
            : throw new ArgumentException($"a key has {KeyLength} characters", nameof(key));
}
