using System.Globalization;
using System.Text.Encodings.Web;
using CleanApp.Application.Common.Jobs;

namespace CleanApp.WebApi.Dashboard;

/// <summary>Encoding and formatting for the server-rendered pages. Every value from the database goes through <see cref="E"/>.</summary>
public static class Html
{
    public static string E(object? value) =>
        HtmlEncoder.Default.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);

    public static string Url(string value) => UrlEncoder.Default.Encode(value);

    public static string Time(DateTime? utc) =>
        utc is { } t
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"<time datetime=\"{t:yyyy-MM-ddTHH:mm:ss.fffZ}\" title=\"{t:yyyy-MM-dd HH:mm:ss.fff} UTC\">{t:yyyy-MM-dd HH:mm:ss}</time>"
            )
            : "<span class=\"muted\">–</span>";

    public static string Ms(long? ms) =>
        ms switch
        {
            null => "<span class=\"muted\">–</span>",
            < 1000 => $"{ms} ms",
            < 60_000 => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000.0:0.0} s"),
            _ => TimeSpan.FromMilliseconds(ms.Value).ToString("h\\:mm\\:ss", CultureInfo.InvariantCulture),
        };

    public static string StateBadge(JobState state) => $"<span class=\"badge s-{state.ToString().ToLowerInvariant()}\">{state}</span>";

    public static string StateSlug(JobState state) => state.ToString().ToLowerInvariant();

    public static bool TryParseState(string slug, out JobState state) =>
        Enum.TryParse(slug, ignoreCase: true, out state) && Enum.IsDefined(state);

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
