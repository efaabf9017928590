using System.Globalization;

namespace CleanApp.Infrastructure.Jobs.Monitoring;

/// <summary>Readable text for the common cron shapes ("Every 5 minutes", "At 03:30 every day"); anything else is shown as is.</summary>
public static class CronDescriber
{
    private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static string Describe(string cron)
    {
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var seconds = f.Length == 6 ? f[0] : "0";
        if (f.Length == 6)
        {
            f = f[1..];
        }

        if (f.Length != 5)
        {
            return "Invalid cron expression";
        }

        var (minute, hour, dayOfMonth, month, dayOfWeek) = (f[0], f[1], f[2], f[3], f[4]);
        var everyDay = dayOfMonth == "*" && month == "*" && dayOfWeek == "*";
        if (seconds != "0")
        {
            return seconds == "*" && f.All(x => x == "*") ? "Every second"
                : Step(seconds) is { } s && f.All(x => x == "*") ? $"Every {s} seconds"
                : $"Cron with seconds: {cron}";
        }

        if (everyDay && hour == "*")
        {
            if (minute == "*")
            {
                return "Every minute";
            }

            if (Step(minute) is { } m)
            {
                return $"Every {m} minutes";
            }

            if (IsNumber(minute))
            {
                return $"Every hour at minute {minute}";
            }
        }

        if (IsNumber(minute) && IsNumber(hour))
        {
            var time = $"{int.Parse(hour, CultureInfo.InvariantCulture):00}:{int.Parse(minute, CultureInfo.InvariantCulture):00}";
            if (everyDay)
            {
                return $"At {time} every day";
            }

            if (
                dayOfMonth == "*"
                && month == "*"
                && IsNumber(dayOfWeek)
                && int.Parse(dayOfWeek, CultureInfo.InvariantCulture) is var d
                && d is >= 0 and <= 7
            )
            {
                return $"At {time} every {Days[d % 7]}";
            }

            if (dayOfMonth == "*" && month == "*" && dayOfWeek is "1-5" or "MON-FRI")
            {
                return $"At {time} on weekdays";
            }

            if (IsNumber(dayOfMonth) && month == "*" && dayOfWeek == "*")
            {
                return $"At {time} on day {dayOfMonth} of every month";
            }
        }

        if (everyDay && minute == "0" && Step(hour) is { } h)
        {
            return $"Every {h} hours";
        }

        return cron;
    }

    private static bool IsNumber(string field) => field.Length > 0 && field.All(char.IsAsciiDigit);

    private static string? Step(string field) =>
        field.StartsWith("*/", StringComparison.Ordinal) && IsNumber(field[2..]) ? field[2..] : null;
}
