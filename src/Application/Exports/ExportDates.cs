using System.Globalization;

namespace CleanApp.Application.Exports;

/// <summary>Report days on the wire: <c>yyyy-MM-dd</c>, nothing else.</summary>
public static class ExportDates
{
    public const string Message = "must be a date as yyyy-MM-dd";

    public static bool IsValid(string? text) =>
        text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
