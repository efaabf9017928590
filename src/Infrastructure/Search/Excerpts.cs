using System.Globalization;
using System.Text;
using CleanApp.Application.Search;

namespace CleanApp.Infrastructure.Search;

/// <summary>
/// A snippet() for engines without one: the text (of several) with the most matched words, cut to a window of words
/// around the first match, matches between <see cref="HighlightMarkup.Open"/>/<see cref="HighlightMarkup.Close"/>.
/// Words compare as the full-text indexes do: case- and accent-insensitive.
/// </summary>
public static class Excerpts
{
    public const int WindowWords = 24;

    public static string Best(SearchWords words, IReadOnlyList<string?> texts)
    {
        var wanted = words.Words.Select(Fold).ToHashSet(StringComparer.Ordinal);
        var best = texts
            .Select((text, index) => (Text: text ?? string.Empty, Index: index, Tokens: Tokens(text ?? string.Empty)))
            .Select(t => (t.Text, t.Index, t.Tokens, Hits: t.Tokens.Count(token => wanted.Contains(token.Folded))))
            .OrderByDescending(t => t.Hits)
            .ThenBy(t => t.Index)
            .First();
        if (best.Tokens.Count == 0)
        {
            return string.Empty;
        }

        var first = Math.Max(0, best.Tokens.FindIndex(t => wanted.Contains(t.Folded)));
        var start = Math.Max(0, Math.Min(first - (WindowWords / 4), best.Tokens.Count - WindowWords));
        var end = Math.Min(best.Tokens.Count, start + WindowWords);
        var excerpt = new StringBuilder();
        if (start > 0)
        {
            excerpt.Append(HighlightMarkup.Ellipsis);
        }

        var from = best.Tokens[start].Start;
        for (var i = start; i < end; i++)
        {
            var token = best.Tokens[i];
            excerpt.Append(best.Text, from, token.Start - from);
            if (wanted.Contains(token.Folded))
            {
                excerpt.Append(HighlightMarkup.Open).Append(best.Text, token.Start, token.Length).Append(HighlightMarkup.Close);
            }
            else
            {
                excerpt.Append(best.Text, token.Start, token.Length);
            }

            from = token.Start + token.Length;
        }

        if (end < best.Tokens.Count)
        {
            excerpt.Append(HighlightMarkup.Ellipsis);
        }

        return excerpt.ToString();
    }

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            var isWord =
                Rune.IsLetterOrDigit(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add(new Token(start, i - start, Fold(text[start..i])));
                start = -1;
            }

            i += rune.Utf16SequenceLength;
        }

        if (start >= 0)
        {
            tokens.Add(new Token(start, text.Length - start, Fold(text[start..])));
        }

        return tokens;
    }

    /// <summary>Lower case without diacritics: "Ünïcödé" and "unicode" are the same word.</summary>
    private static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    private readonly record struct Token(int Start, int Length, string Folded);
}
