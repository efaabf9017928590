namespace CleanApp.Application.Common.Jobs.Monitoring;

/// <summary>
/// The dashboard's read side (Hangfire's name for it). Every call is bounded whatever the table sizes: lists page by
/// key, counts stop at <see cref="JobListQuery.CountCap"/>, statistics come from the counters, never COUNT(*) over all
/// jobs, and exception stacks are loaded only by <see cref="GetExceptionDetailsAsync"/>. Arguments come back redacted.
/// </summary>
public interface IJobMonitoringApi
{
    Task<StatisticsDto> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>All-time succeeded/failed totals, polled by the live graph (which plots the differences).</summary>
    Task<RealtimeCountersDto> GetRealtimeCountersAsync(CancellationToken cancellationToken);

    /// <summary>Succeeded/failed per hour for the last <paramref name="hours"/> hours, oldest first, missing hours as zero.</summary>
    Task<IReadOnlyList<TimelinePointDto>> GetHourlyHistoryAsync(int hours, CancellationToken cancellationToken);

    /// <summary>Succeeded/failed per day (UTC) for the last <paramref name="days"/> days, oldest first.</summary>
    Task<IReadOnlyList<TimelinePointDto>> GetDailyHistoryAsync(int days, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueDto>> GetQueuesAsync(int firstJobs, CancellationToken cancellationToken);

    Task<JobPageDto> GetJobsAsync(JobListQuery query, CancellationToken cancellationToken);

    Task<JobDetailsDto?> GetJobDetailsAsync(string jobId, CancellationToken cancellationToken);

    /// <summary>The last recorded exception with its stack, for a list row the user expanded.</summary>
    Task<string?> GetExceptionDetailsAsync(string jobId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecurringJobDto>> GetRecurringJobsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ServerDto>> GetServersAsync(CancellationToken cancellationToken);

    /// <summary>The registered job kinds (for the filter), with display names.</summary>
    IReadOnlyList<JobKindDto> GetKinds();
}
