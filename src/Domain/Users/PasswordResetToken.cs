namespace CleanApp.Domain.Users;

/// <summary>
/// A password reset link sent by email: only the SHA-256 of the token is stored, so a copy of the database resets no
/// password. It works once (<see cref="UsedAt"/>), until <see cref="ExpiresAt"/>, and only while it is the account's
/// newest token: asking again makes the older ones useless.
/// </summary>
public sealed class PasswordResetToken
{
    /// <summary>Hex of a SHA-256 hash.</summary>
    public const int HashLength = 64;

    private PasswordResetToken(Guid userId, string tokenHash, DateTime createdAt, DateTime expiresAt)
    {
        UserId = userId;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public int Id { get; private set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    public static PasswordResetToken Issue(Guid userId, string tokenHash, DateTime now, TimeSpan lifetime)
    {
        if (tokenHash.Length != HashLength)
        {
            throw new ArgumentException($"a token hash has {HashLength} hex digits", nameof(tokenHash));
        }

        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "a token must live for some time");
        }

        return new PasswordResetToken(userId, tokenHash, now, now + lifetime);
    }

    public bool IsUsableAt(DateTime now) => UsedAt is null && now < ExpiresAt;
}
