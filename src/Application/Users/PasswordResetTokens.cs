using System.Security.Cryptography;
using System.Text;

namespace CleanApp.Application.Users;

/// <summary>Reset tokens: 256 random bits, URL-safe; only their SHA-256 is stored and compared.</summary>
internal static class PasswordResetTokens
{
    /// <summary>43 characters of base64url; anything longer is not a token of ours.</summary>
    public const int TokenMaxLength = 64;

    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Constant-time, so how long a comparison takes says nothing about how much of a guess was right.</summary>
    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
}
