using System.Globalization;
using System.Text;
using CleanApp.Application.Common.Text;

namespace CleanApp.Application.Search;

/// <summary>
/// What a search query means: its words, nothing else (ADR 0041). A word is a run of letters, digits and combining marks;
/// everything else (quotes, <c>*</c>, parentheses, <c>-</c>, <c>:</c>, <c>^</c>, operators spelled in any case) only
/// separates words. The adapters quote each word into their engine's syntax, so no query text ever reaches a full-text
/// parser as syntax: a query is safe by construction, not by escaping a blacklist. Every word must match (AND).
/// </summary>
public sealed class SearchWords
{
    public const int MaxQueryLength = 500;
    public const int MaxWords = 16;
    public const int MaxWordLength = 64;

    private SearchWords(IReadOnlyList<string> words) => Words = words;

    /// <summary>Distinct (ignoring case), in query order, each at most <see cref="MaxWordLength"/> characters.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>The words of <paramref name="query"/>; empty when it has none.</summary>
    public static SearchWords Parse(string query)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var word = new StringBuilder();
        foreach (var rune in query.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
                continue;
            }

            Flush();
        }

        Flush();
        return new SearchWords(words);

        void Flush()
        {
            if (word.Length == 0)
            {
                return;
            }

            var text = word.ToString();
            word.Clear();
            if (text.Length > MaxWordLength)
            {
                text = text[..MaxWordLength];
                if (char.IsHighSurrogate(text[^1]))
                {
                    text = text[..^1];
                }
            }

            if (seen.Add(text))
            {
                words.Add(text);
            }
        }
    }

    /// <summary>
    /// Text a search cannot take: a lone UTF-16 surrogate (not text at all) or a Unicode non-character (U+FDD0–U+FDEF,
    /// U+xFFFE/U+xFFFF), the same rule as request bodies.
    /// </summary>
    public static bool HasInvalidText(string query) => UnicodeText.ContainsLoneSurrogateOrNonCharacter(query);

    private static bool IsWordRune(Rune rune) =>
        Rune.GetUnicodeCategory(rune)
            is UnicodeCategory.UppercaseLetter
                or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter
                or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber
                or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark;
}
