using System.Globalization;

namespace CleanApp.Application.Articles;

/// <summary>
/// <c>publishAt</c> as the API takes it: ISO-8601 with a zone (<c>Z</c> or an offset), e.g.
/// <c>2026-05-01T09:30:00Z</c> or <c>2026-05-01T11:30:00.000+02:00</c>. A time without a zone is refused rather than
/// guessed: the server's zone is nobody's business.
/// </summary>
public static class PublishTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    public const string Format = "an ISO-8601 time with a zone, e.g. 2026-05-01T09:30:00Z";

    public static bool TryParse(string? value, out DateTime utc)
    {
        utc = default;
        if (
            value is null
            || value.Length > 40
            || !DateTimeOffset.TryParseExact(
                value,
                Formats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var parsed
            )
        )
        {
            return false;
        }

        utc = parsed.UtcDateTime;
        return true;
    }
}
