using NCrontab;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// A cron expression (5 fields, or 6 with leading seconds; NCrontab) evaluated in an IANA time zone. Occurrences are
/// computed on the local wall clock and converted to UTC: a local time in the spring-forward gap fires at the first
/// valid instant after it (several gap occurrences collapse into that one), an ambiguous fall-back time fires once
/// (its first, daylight instant).
/// </summary>
public sealed class CronSchedule
{
    private readonly CrontabSchedule _schedule;

    private CronSchedule(CrontabSchedule schedule, TimeZoneInfo zone)
    {
        _schedule = schedule;
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    public static bool TryParse(string cron, string timeZoneId, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        if (string.IsNullOrWhiteSpace(cron))
        {
            error = "The cron expression is empty.";
            return false;
        }

        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            error = $"Cron '{cron}' must have 5 or 6 fields, not {fields}.";
            return false;
        }

        var parsed = CrontabSchedule.TryParse(cron, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
        if (parsed is null)
        {
            error = $"Cron '{cron}' is not valid.";
            return false;
        }

        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(timeZoneId) ? "UTC" : timeZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error = $"Time zone '{timeZoneId}' is not known on this machine.";
            return false;
        }

        schedule = new CronSchedule(parsed, zone);
        error = null;
        return true;
    }

    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/> (UTC), or null if the cron never fires again.</summary>
    public DateTime? NextAfter(DateTime afterUtc)
    {
        afterUtc = DateTime.SpecifyKind(afterUtc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(afterUtc, Zone);

        // The local clock repeats an hour at fall-back; a few extra steps cover occurrences that map to or before afterUtc.
        for (var i = 0; i < 1000; i++)
        {
            var next = _schedule.GetNextOccurrence(local, DateTime.MaxValue.AddYears(-1));
            if (next >= DateTime.MaxValue.AddYears(-1))
            {
                return null;
            }

            var utc = ToUtc(next);
            if (utc > afterUtc)
            {
                return utc;
            }

            local = next;
        }

        return null;
    }

    /// <summary>Occurrences in (<paramref name="afterUtc"/>, <paramref name="untilUtc"/>], oldest first, at most <paramref name="limit"/> (the newest ones are kept).</summary>
    public IReadOnlyList<DateTime> Between(DateTime afterUtc, DateTime untilUtc, int limit)
    {
        var result = new Queue<DateTime>();
        var cursor = afterUtc;
        for (var i = 0; i < 100_000; i++)
        {
            if (NextAfter(cursor) is not { } next || next > untilUtc)
            {
                break;
            }

            result.Enqueue(next);
            if (result.Count > limit)
            {
                result.Dequeue();
            }

            cursor = next;
        }

        return [.. result];
    }

    private DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // Spring-forward gap: the first valid wall-clock minute after it is the transition instant.
            var probe = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
            while (Zone.IsInvalidTime(probe))
            {
                probe = probe.AddMinutes(1);
            }

            return TimeZoneInfo.ConvertTimeToUtc(probe, Zone);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            // Fall-back: take the first (daylight, larger offset) instant only.
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
