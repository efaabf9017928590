using System.Text;

namespace CleanApp.Application.Exports;

/// <summary>
/// One CSV field (RFC 4180), safe to open in a spreadsheet (ADR 0043): a field with a comma, quote, CR or LF is quoted
/// with quotes doubled; a field a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or CR, OWASP's list) gets a leading apostrophe first, so it is shown as text. Numbers written by the
/// report itself never go through here.
/// </summary>
public static class CsvField
{
    public static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        return new StringBuilder(value.Length + 2)
            .Append('"')
            .Append(value.Replace("\"", "\"\"", StringComparison.Ordinal))
            .Append('"')
            .ToString();
    }
}
