using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Notifications.Commands.SendDailyDigest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Email;

/// <summary>Bound from the <c>Digest</c> section (docs/jobs.md).</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>False removes the recurring job at start-up, so turning the digest off stops it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>5 or 6 fields, local to <see cref="TimeZone"/>.</summary>
    public string Cron { get; set; } = "0 7 * * *";

    /// <summary>IANA zone id, e.g. "Europe/Berlin".</summary>
    public string TimeZone { get; set; } = "UTC";
}

/// <summary>
/// Start-up step: adds or updates the <c>daily-digest</c> recurring job (<see cref="SendDailyDigestCommand"/>) from
/// <see cref="DigestOptions"/>. It only writes the recurring definition, so it runs on every instance, web-only ones
/// included (<c>Jobs:Enabled=false</c>); Hangfire's scheduler enqueues each occurrence once. An invalid cron or zone does
/// not stop the host: it is logged as an error and the digest stays as it was.
/// </summary>
public sealed class DailyDigestRegistration(
    IServiceScopeFactory scopes,
    IOptions<DigestOptions> options,
    ILogger<DailyDigestRegistration> logger
) : IHostedService
{
    public const string RecurringJobId = "daily-digest";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var digest = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var recurring = scope.ServiceProvider.GetRequiredService<IRecurringJobs>();
        if (!digest.Enabled)
        {
            recurring.RemoveIfExists(RecurringJobId);
            logger.LogInformation("Daily digest disabled (Digest:Enabled=false): recurring job {RecurringJobId} removed", RecurringJobId);
            return;
        }

        try
        {
            recurring.AddOrUpdate(
                RecurringJobId,
                new SendDailyDigestCommand(),
                digest.Cron,
                new RecurringOptions { TimeZoneId = digest.TimeZone }
            );
        }
        catch (ArgumentException ex)
        {
            logger.LogError(
                ex,
                "Daily digest not registered: invalid Digest:Cron {Cron} or Digest:TimeZone {TimeZone}",
                digest.Cron,
                digest.TimeZone
            );
            return;
        }

        logger.LogInformation(
            "Recurring job {RecurringJobId} registered: {Cron} in {TimeZone}",
            RecurringJobId,
            digest.Cron,
            digest.TimeZone
        );
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
