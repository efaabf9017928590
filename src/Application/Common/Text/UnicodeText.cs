using System.Buffers;
using System.Text;

namespace CleanApp.Application.Common.Text;

/// <summary>Unicode facts the API's text rules need (shared/API.md, "Robustness conventions"): request bodies and search.</summary>
public static class UnicodeText
{
    /// <summary>
    /// The 66 non-characters: U+FDD0–U+FDEF and the last two code points of each of the 17 planes (U+FFFE, U+FFFF,
    /// U+1FFFE, …, U+10FFFF). Permanently reserved for a program's internal use, never assigned.
    /// </summary>
    public static bool IsNonCharacter(Rune rune) => rune.Value is >= 0xFDD0 and <= 0xFDEF || (rune.Value & 0xFFFE) == 0xFFFE;

    /// <summary>Decodes surrogate pairs, so U+1FFFE written as <c>\ud83f\udffe</c> counts as one non-character.</summary>
    public static bool ContainsNonCharacter(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsNonCharacter(rune))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A lone UTF-16 surrogate (not text at all) or a non-character anywhere in <paramref name="text"/>.</summary>
    public static bool ContainsLoneSurrogateOrNonCharacter(string text)
    {
        for (var i = 0; i < text.Length; )
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var length) != OperationStatus.Done || IsNonCharacter(rune))
            {
                return true;
            }

            i += length;
        }

        return false;
    }
}
