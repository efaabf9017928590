using Microsoft.AspNetCore.Identity;

namespace CleanApp.Infrastructure.Identity;

/// <summary>
/// Identity's lookup key for emails and user names (<see cref="UpperInvariantLookupNormalizer"/>), the same for every
/// string that can be normalized. On Linux, <see cref="string.Normalize()"/> (ICU) throws on U+FFFE and on unpaired
/// surrogates. The public API refuses such text before it gets here (JsonBody, ADR 0007), but the dashboard's sign-in
/// form and the command line do not read JSON: upper-cased without normalizing, such an email matches no account instead
/// of failing the request with a 500.
/// </summary>
public sealed class LookupNormalizer : ILookupNormalizer
{
    private static readonly UpperInvariantLookupNormalizer Standard = new();

    public string? NormalizeName(string? name)
    {
        try
        {
            return Standard.NormalizeName(name);
        }
        catch (ArgumentException)
        {
            return name?.ToUpperInvariant();
        }
    }

    public string? NormalizeEmail(string? email) => NormalizeName(email);
}
