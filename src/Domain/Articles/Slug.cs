using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CleanApp.Domain.Articles;

/// <summary>
/// URL-safe identifiers derived from titles: lower-case letters and digits joined by single hyphens. Uniqueness is the
/// persistence layer's job (a unique index); on a clash the caller asks for <see cref="WithRandomSuffix"/>.
/// </summary>
public static class Slug
{
    public const int SuffixLength = 6;

    private const string SuffixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>"How to Train Your Dragon!" → "how-to-train-your-dragon". Falls back to "article" when nothing is left.</summary>
    public static string FromTitle(string title)
    {
        var builder = new StringBuilder(title.Length);
        var pendingHyphen = false;
        foreach (var c in title.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '/' or ':' or ',')
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.Length == 0 ? "article" : builder.ToString();
        return slug.Length <= ArticleConstraints.TitleMaxLength ? slug : slug[..ArticleConstraints.TitleMaxLength].TrimEnd('-');
    }

    /// <summary>
    /// Slugs that would be shadowed by a fixed route under <c>/api/articles/</c> (<c>feed</c>); such a title always gets a
    /// suffix.
    /// </summary>
    public static bool IsReserved(string slug) => slug == "feed";

    /// <summary>The base slug plus "-" and <see cref="SuffixLength"/> random characters (36^6 ≈ 2·10^9 possibilities).</summary>
    public static string WithRandomSuffix(string baseSlug)
    {
        Span<char> suffix = stackalloc char[SuffixLength];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = SuffixAlphabet[RandomNumberGenerator.GetInt32(SuffixAlphabet.Length)];
        }

        return string.Create(CultureInfo.InvariantCulture, $"{baseSlug}-{suffix}");
    }
}
