using System.Globalization;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Jobs.Monitoring;
using CleanApp.Infrastructure.Jobs.Storage;
using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Jobs.Monitoring;

/// <summary>
/// The dashboard's reads over the engine's tables. Each query is bounded by an index: lists seek by key on
/// (State, StateChangedAt, Id), (State, Kind|Queue, StateChangedAt, Id) or (State, RunAt, Id); counts stop at the cap;
/// statistics read JobStatistics plus the few counter rows not yet aggregated; text search scans a fixed window.
/// </summary>
public sealed class JobMonitoringApi(
    ApplicationDbContext db,
    IJobKindRegistry kinds,
    TimeProvider clock,
    IOptions<JobEngineOptions> engineOptions,
    IOptions<JobDashboardOptions> dashboardOptions
) : IJobMonitoringApi
{
    private const int MaxQueues = 100;
    private const int MaxPendingCounterRows = 100_000;
    private readonly ArgumentRedactor _redactor = new(JobDashboardOptions.AlwaysRedacted.Concat(dashboardOptions.Value.RedactedArguments));

    public async Task<StatisticsDto> GetStatisticsAsync(CancellationToken cancellationToken)
    {
        var states = new Dictionary<JobState, CappedCount>();
        foreach (var state in Enum.GetValues<JobState>())
        {
            states[state] = await CappedCountAsync(db.Jobs.Where(j => j.State == state), cancellationToken);
        }

        var retries = await CappedCountAsync(db.Jobs.Where(j => j.State == JobState.Scheduled && j.RetryCount > 0), cancellationToken);
        var totals = await TotalsAsync([JobCounterKeys.Succeeded, JobCounterKeys.Failed, JobCounterKeys.Deleted], cancellationToken);
        var servers = await db.JobServers.CountAsync(cancellationToken);
        var recurring = await db.RecurringJobs.CountAsync(cancellationToken);
        var queues = (await QueueNamesAsync(cancellationToken)).Count;
        return new StatisticsDto(
            states,
            retries,
            totals[JobCounterKeys.Succeeded],
            totals[JobCounterKeys.Failed],
            totals[JobCounterKeys.Deleted],
            servers,
            recurring,
            queues
        );
    }

    public async Task<RealtimeCountersDto> GetRealtimeCountersAsync(CancellationToken cancellationToken)
    {
        var totals = await TotalsAsync([JobCounterKeys.Succeeded, JobCounterKeys.Failed], cancellationToken);
        return new RealtimeCountersDto(clock.GetUtcNow().UtcDateTime, totals[JobCounterKeys.Succeeded], totals[JobCounterKeys.Failed]);
    }

    public Task<IReadOnlyList<TimelinePointDto>> GetHourlyHistoryAsync(int hours, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var end = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        return TimelineAsync(JobStatisticPeriod.Hour, end.AddHours(-(hours - 1)), hours, TimeSpan.FromHours(1), cancellationToken);
    }

    public Task<IReadOnlyList<TimelinePointDto>> GetDailyHistoryAsync(int days, CancellationToken cancellationToken)
    {
        var today = clock.GetUtcNow().UtcDateTime.Date;
        return TimelineAsync(
            JobStatisticPeriod.Day,
            DateTime.SpecifyKind(today, DateTimeKind.Utc).AddDays(-(days - 1)),
            days,
            TimeSpan.FromDays(1),
            cancellationToken
        );
    }

    public async Task<IReadOnlyList<QueueDto>> GetQueuesAsync(int firstJobs, CancellationToken cancellationToken)
    {
        var names = await QueueNamesAsync(cancellationToken);
        var settings = await db.JobQueues.AsNoTracking().ToDictionaryAsync(q => q.Name, StringComparer.Ordinal, cancellationToken);
        var result = new List<QueueDto>();
        foreach (var name in names)
        {
            var length = await CappedCountAsync(db.Jobs.Where(j => j.Queue == name && j.State == JobState.Enqueued), cancellationToken);
            var inFlight = await CappedCountAsync(db.Jobs.Where(j => j.Queue == name && j.State == JobState.Processing), cancellationToken);
            var first = await db
                .Jobs.AsNoTracking()
                .Where(j => j.Queue == name && j.State == JobState.Enqueued)
                .OrderByDescending(j => j.Priority)
                .ThenBy(j => j.RunAt)
                .ThenBy(j => j.Id)
                .Take(firstJobs)
                .Select(SummaryProjection)
                .ToListAsync(cancellationToken);
            settings.TryGetValue(name, out var setting);
            result.Add(
                new QueueDto(
                    name,
                    length,
                    inFlight,
                    setting?.IsPaused == true,
                    setting?.ChangedAt,
                    setting?.ChangedBy,
                    first.Select(WithDisplayName).ToList()
                )
            );
        }

        return result;
    }

    public async Task<JobPageDto> GetJobsAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, JobListQuery.MaxPageSize);
        var byRunAt = query.State == JobState.Scheduled;
        var filtered = Filter(query);

        if (query.Search is { } search)
        {
            // An exact id is answered by the primary key; anything else is a substring match within a bounded window
            // of the newest rows that pass the other filters (arguments are never searched: they may hold redacted values).
            var exact = await filtered.AnyAsync(j => j.Id == search, cancellationToken);
            if (exact)
            {
                filtered = filtered.Where(j => j.Id == search);
            }
            else
            {
                var pattern = $"%{EscapeLike(search)}%";
                // A derived table (the newest N rows, read through the list's index) filtered in place: no per-row lookups.
                var window = (
                    byRunAt
                        ? filtered.OrderBy(j => j.RunAt).ThenBy(j => j.Id)
                        : filtered.OrderByDescending(j => j.StateChangedAt).ThenByDescending(j => j.Id)
                ).Take(JobListQuery.SearchWindow);
                filtered = window.Where(j =>
                    EF.Functions.Like(j.Kind, pattern, "\\")
                    || EF.Functions.Like(j.Queue, pattern, "\\")
                    || (j.LastExceptionType != null && EF.Functions.Like(j.LastExceptionType, pattern, "\\"))
                    || (j.LastExceptionMessage != null && EF.Functions.Like(j.LastExceptionMessage, pattern, "\\"))
                    || (j.StateReason != null && EF.Functions.Like(j.StateReason, pattern, "\\"))
                );
            }
        }

        var count = await CappedCountAsync(filtered, cancellationToken);

        var backwards = query.Before is not null;
        var cursor = Cursor.TryParse(query.Before ?? query.After);
        var paged = filtered;
        if (cursor is { } c)
        {
            paged = Seek(paged, byRunAt, forward: !backwards, c);
        }

        // Forward = the list's natural order: soonest first for Scheduled, newest first otherwise.
        var ascending = byRunAt != backwards;
        paged = (byRunAt, ascending) switch
        {
            (true, true) => paged.OrderBy(j => j.RunAt).ThenBy(j => j.Id),
            (true, false) => paged.OrderByDescending(j => j.RunAt).ThenByDescending(j => j.Id),
            (false, true) => paged.OrderBy(j => j.StateChangedAt).ThenBy(j => j.Id),
            _ => paged.OrderByDescending(j => j.StateChangedAt).ThenByDescending(j => j.Id),
        };
        var rows = await paged.AsNoTracking().Take(pageSize + 1).Select(SummaryProjection).ToListAsync(cancellationToken);
        var more = rows.Count > pageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (backwards)
        {
            rows.Reverse();
        }

        var items = rows.Select(WithDisplayName).ToList();
        string? Key(JobSummaryDto j) => new Cursor(byRunAt ? j.RunAt : j.StateChangedAt, j.Id).ToString();
        var next = items.Count > 0 && (backwards || more) ? Key(items[^1]) : null;
        var previous = items.Count > 0 && ((backwards && more) || (!backwards && cursor is not null)) ? Key(items[0]) : null;
        return new JobPageDto(items, count, next, previous);
    }

    public async Task<JobDetailsDto?> GetJobDetailsAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return null;
        }

        var history = await db
            .JobHistory.AsNoTracking()
            .Where(h => h.JobId == jobId)
            .OrderByDescending(h => h.Id)
            .Take(200)
            .Select(h => new JobHistoryDto(
                h.State,
                h.Reason,
                h.CreatedAt,
                h.ServerId,
                h.WorkerId,
                h.ExceptionType,
                h.ExceptionMessage,
                h.ExceptionDetails,
                h.LatencyMs,
                h.DurationMs,
                h.Data
            ))
            .ToListAsync(cancellationToken);
        // Ordered by (ParentId, Id) so SQLite walks the ParentId index instead of scanning the primary key in Id order.
        var continuations = await db
            .Jobs.AsNoTracking()
            .Where(j => j.ParentId == jobId)
            .OrderBy(j => j.ParentId)
            .ThenBy(j => j.Id)
            .Take(100)
            .Select(SummaryProjection)
            .ToListAsync(cancellationToken);

        var options = new List<KeyValuePair<string, string>>
        {
            new("Queue", job.Queue),
            new("Priority", job.Priority.ToString(CultureInfo.InvariantCulture)),
            new("Retries", job.MaxRetries == 0 ? "disabled" : $"{job.MaxRetries} (then {job.OnAttemptsExceeded})"),
            new("Abandonments", job.AbandonCount.ToString(CultureInfo.InvariantCulture)),
        };
        AddIf(options, "Retry policy", job.RetryPolicy);
        AddIf(options, "Idempotency key", job.IdempotencyKey);
        AddIf(options, "Recurring job", job.RecurringJobId);
        AddIf(options, "Occurrence", job.OccurrenceKey);
        AddIf(options, "Run at", job.RunAt.ToString("O", CultureInfo.InvariantCulture));
        AddIf(options, "Expires at", job.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture));
        AddIf(options, "Lease owner", job.LeaseOwner);

        return new JobDetailsDto
        {
            Job = WithDisplayName(Summary(job)),
            Arguments = _redactor.Redact(job.Payload),
            Options = options,
            ParentId = job.ParentId,
            ContinuationOption = job.ContinuationOption,
            Continuations = continuations.Select(WithDisplayName).ToList(),
            History = history,
        };
    }

    public Task<string?> GetExceptionDetailsAsync(string jobId, CancellationToken cancellationToken) =>
        db
            .JobHistory.AsNoTracking()
            .Where(h => h.JobId == jobId && h.ExceptionType != null)
            .OrderByDescending(h => h.Id)
            .Select(h => h.ExceptionDetails ?? h.ExceptionType + ": " + h.ExceptionMessage)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<RecurringJobDto>> GetRecurringJobsAsync(CancellationToken cancellationToken)
    {
        var records = await db.RecurringJobs.AsNoTracking().OrderBy(r => r.Id).Take(1000).ToListAsync(cancellationToken);
        var lastIds = records.Where(r => r.LastJobId != null).Select(r => r.LastJobId!).ToList();
        var lastStates = await db
            .Jobs.AsNoTracking()
            .Where(j => lastIds.Contains(j.Id))
            .Select(j => new { j.Id, j.State })
            .ToDictionaryAsync(j => j.Id, j => j.State, StringComparer.Ordinal, cancellationToken);
        return records
            .Select(r => new RecurringJobDto
            {
                Id = r.Id,
                Cron = r.Cron,
                CronDescription = CronDescriber.Describe(r.Cron),
                TimeZoneId = r.TimeZoneId,
                Kind = r.Kind,
                DisplayName = DisplayName(r.Kind),
                Queue = r.Queue,
                NextExecution = r.NextExecution,
                LastExecution = r.LastExecution,
                LastJobId = r.LastJobId,
                LastJobState = r.LastJobId is not null && lastStates.TryGetValue(r.LastJobId, out var state) ? state : null,
                Error = r.Error,
                IsPaused = r.IsPaused,
                Misfire = r.Misfire,
                NoOverlap = r.NoOverlap,
            })
            .ToList();
    }

    public async Task<IReadOnlyList<ServerDto>> GetServersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var silentAfter = dashboardOptions.Value.PossiblyAbortedAfter ?? engineOptions.Value.HeartbeatInterval * 2;
        var servers = await db.JobServers.AsNoTracking().OrderBy(s => s.Id).Take(500).ToListAsync(cancellationToken);
        return servers
            .Select(s => new ServerDto(
                s.Id,
                s.HostName,
                s.Workers,
                s.Queues.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                s.StartedAt,
                s.HeartbeatAt,
                now - s.HeartbeatAt > silentAfter
            ))
            .ToList();
    }

    public IReadOnlyList<JobKindDto> GetKinds() =>
        kinds
            .Kinds.OrderBy(k => k.Kind, StringComparer.Ordinal)
            .Select(k => new JobKindDto(k.Kind, k.DisplayName, k.Defaults.Queue))
            .ToList();

    private IQueryable<JobRecord> Filter(JobListQuery query)
    {
        var jobs = db.Jobs.Where(j => j.State == query.State);
        if (query.Retries)
        {
            jobs = jobs.Where(j => j.RetryCount > 0);
        }

        if (query.Kind is { } kind)
        {
            jobs = jobs.Where(j => j.Kind == kind);
        }

        if (query.Queue is { } queue)
        {
            jobs = jobs.Where(j => j.Queue == queue);
        }

        if (query.From is { } from)
        {
            jobs = jobs.Where(j => j.StateChangedAt >= from);
        }

        if (query.To is { } to)
        {
            jobs = jobs.Where(j => j.StateChangedAt < to);
        }

        return jobs;
    }

    /// <summary>Rows strictly after the cursor in the chosen direction, written as a range the index can seek to.</summary>
    private static IQueryable<JobRecord> Seek(IQueryable<JobRecord> jobs, bool byRunAt, bool forward, Cursor cursor)
    {
        var (t, id) = (cursor.At, cursor.Id);
        // Natural order: RunAt ascending (Scheduled), StateChangedAt descending (all other lists).
        var greater = byRunAt == forward;
        return (byRunAt, greater) switch
        {
            (true, true) => jobs.Where(j => j.RunAt >= t && (j.RunAt > t || string.Compare(j.Id, id) > 0)),
            (true, false) => jobs.Where(j => j.RunAt <= t && (j.RunAt < t || string.Compare(j.Id, id) < 0)),
            (false, true) => jobs.Where(j => j.StateChangedAt >= t && (j.StateChangedAt > t || string.Compare(j.Id, id) > 0)),
            _ => jobs.Where(j => j.StateChangedAt <= t && (j.StateChangedAt < t || string.Compare(j.Id, id) < 0)),
        };
    }

    private static async Task<CappedCount> CappedCountAsync(IQueryable<JobRecord> jobs, CancellationToken cancellationToken)
    {
        // Ordered like the lists, so the capped scan walks the same index the page uses.
        var count = await jobs.OrderBy(j => j.StateChangedAt)
            .ThenBy(j => j.Id)
            .Select(j => j.Id)
            .Take(JobListQuery.CountCap + 1)
            .CountAsync(cancellationToken);
        return count > JobListQuery.CountCap ? new CappedCount(JobListQuery.CountCap, true) : new CappedCount(count, false);
    }

    // Keys are a List, not an array: C# 14 binds array.Contains to a span overload that EF Core 6 cannot translate.
    private async Task<Dictionary<string, long>> TotalsAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var aggregated = await db
            .JobStatistics.AsNoTracking()
            .Where(s => s.Period == JobStatisticPeriod.Total && keys.Contains(s.Key))
            .Select(s => new { s.Key, s.Value })
            .ToListAsync(cancellationToken);
        var pending = await db
            .JobCounters.AsNoTracking()
            .Where(c => keys.Contains(c.Key))
            .GroupBy(c => c.Key)
            .Select(g => new { Key = g.Key, Value = g.Sum(c => c.Value) })
            .ToListAsync(cancellationToken);
        return keys.ToDictionary(
            k => k,
            k => aggregated.Where(a => a.Key == k).Sum(a => a.Value) + pending.Where(p => p.Key == k).Sum(p => p.Value),
            StringComparer.Ordinal
        );
    }

    private async Task<IReadOnlyList<TimelinePointDto>> TimelineAsync(
        JobStatisticPeriod period,
        DateTime start,
        int buckets,
        TimeSpan size,
        CancellationToken cancellationToken
    )
    {
        List<string> keys = [JobCounterKeys.Succeeded, JobCounterKeys.Failed];
        var aggregated = await db
            .JobStatistics.AsNoTracking()
            .Where(s => s.Period == period && s.BucketStart >= start && keys.Contains(s.Key))
            .Select(s => new
            {
                s.Key,
                s.BucketStart,
                s.Value,
            })
            .ToListAsync(cancellationToken);
        var pending = await db
            .JobCounters.AsNoTracking()
            .Where(c => c.CreatedAt >= start && keys.Contains(c.Key))
            .OrderBy(c => c.Id)
            .Take(MaxPendingCounterRows)
            .Select(c => new
            {
                c.Key,
                c.CreatedAt,
                c.Value,
            })
            .ToListAsync(cancellationToken);

        var points = new List<TimelinePointDto>(buckets);
        var succeeded = new long[buckets];
        var failed = new long[buckets];
        void Add(string key, DateTime at, long value)
        {
            var index = (int)((at - start).Ticks / size.Ticks);
            if (index >= 0 && index < buckets)
            {
                (key == JobCounterKeys.Succeeded ? succeeded : failed)[index] += value;
            }
        }

        aggregated.ForEach(a => Add(a.Key, a.BucketStart, a.Value));
        pending.ForEach(p => Add(p.Key, p.CreatedAt, p.Value));
        for (var i = 0; i < buckets; i++)
        {
            points.Add(new TimelinePointDto(start + (size * i), succeeded[i], failed[i]));
        }

        return points;
    }

    /// <summary>
    /// Distinct queue names by skipping through the (State, Queue, …) indexes one name at a time (a "loose index scan"):
    /// cost is per state and queue, not per job. Configured (JobQueues) and served (JobServers) queues are included even when empty.
    /// </summary>
    private async Task<IReadOnlyList<string>> QueueNamesAsync(CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        // The job indexes that contain Queue all lead with State, so skip through each state's queues separately.
        foreach (var state in Enum.GetValues<JobState>())
        {
            string? last = null;
            for (var i = 0; i < MaxQueues; i++)
            {
                var current = last;
                var next = current is null
                    ? await db
                        .Jobs.Where(j => j.State == state)
                        .OrderBy(j => j.Queue)
                        .Select(j => j.Queue)
                        .FirstOrDefaultAsync(cancellationToken)
                    : await db
                        .Jobs.Where(j => j.State == state && string.Compare(j.Queue, current) > 0)
                        .OrderBy(j => j.Queue)
                        .Select(j => j.Queue)
                        .FirstOrDefaultAsync(cancellationToken);
                if (next is null)
                {
                    break;
                }

                names.Add(next);
                last = next;
            }
        }

        names.UnionWith(await db.JobQueues.AsNoTracking().Select(q => q.Name).ToListAsync(cancellationToken));
        foreach (var served in await db.JobServers.AsNoTracking().Select(s => s.Queues).ToListAsync(cancellationToken))
        {
            names.UnionWith(served.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return [.. names];
    }

    private static readonly System.Linq.Expressions.Expression<Func<JobRecord, JobSummaryDto>> SummaryProjection = j => new JobSummaryDto
    {
        Id = j.Id,
        Kind = j.Kind,
        DisplayName = j.Kind,
        Queue = j.Queue,
        State = j.State,
        CreatedAt = j.CreatedAt,
        StateChangedAt = j.StateChangedAt,
        RunAt = j.RunAt,
        StartedAt = j.StartedAt,
        FinishedAt = j.FinishedAt,
        LatencyMs = j.LatencyMs,
        DurationMs = j.DurationMs,
        Server = j.LeaseOwner,
        StateReason = j.StateReason,
        ExceptionType = j.LastExceptionType,
        ExceptionMessage = j.LastExceptionMessage,
        Attempt = j.Attempt,
        RetryCount = j.RetryCount,
        MaxRetries = j.MaxRetries,
    };

    private static readonly Func<JobRecord, JobSummaryDto> SummaryOf = SummaryProjection.Compile();

    private static JobSummaryDto Summary(JobRecord j) => SummaryOf(j);

    private JobSummaryDto WithDisplayName(JobSummaryDto job) => job with { DisplayName = DisplayName(job.Kind) };

    private string DisplayName(string kind) => kinds.TryGetByKind(kind, out var descriptor) ? descriptor.DisplayName : kind;

    private static void AddIf(List<KeyValuePair<string, string>> options, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            options.Add(new(key, value));
        }
    }

    private static string EscapeLike(string value) =>
        value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>"{ticks}-{id}": the sort key of the last row seen.</summary>
    private readonly record struct Cursor(DateTime At, string Id)
    {
        public override string ToString() => $"{At.Ticks.ToString(CultureInfo.InvariantCulture)}-{Id}";

        public static Cursor? TryParse(string? value)
        {
            var dash = value?.IndexOf('-', StringComparison.Ordinal) ?? -1;
            return
                dash > 0
                && long.TryParse(value![..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks
                ? new Cursor(new DateTime(ticks, DateTimeKind.Utc), value[(dash + 1)..])
                : null;
        }
    }
}
