using System.Globalization;

namespace CleanApp.WebApi.Common;

/// <summary>
/// Query parameters are bound as text and parsed here, so a non-numeric or out-of-range <c>limit</c> is a 422 naming the
/// parameter instead of the framework's bare 400 (shared/API.md robustness rules). Ranges are checked by the query's
/// validator in Application.
/// </summary>
public static class QueryValues
{
    public static int Integer(string? value, string name, int fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, name, "must be an integer");
    }

    /// <summary>An ISO-8601 time (a missing zone is UTC); anything else is a 422 naming the parameter.</summary>
    public static DateTime? Timestamp(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.UtcDateTime
            : throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, name, "must be an ISO-8601 time");
    }
}
