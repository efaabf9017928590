using CleanApp.Application.Common.Jobs;
using Hangfire;
using MediatR;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>The port over Hangfire's recurring job manager: the same kind + payload job as one-off jobs.</summary>
public sealed class RecurringJobs(IRecurringJobManagerV2 manager, JobKindRegistry kinds) : IRecurringJobs
{
    public void AddOrUpdate<TCommand>(string recurringJobId, TCommand command, string cron, RecurringOptions? options = null)
        where TCommand : IRequest<Unit>
    {
        ArgumentNullException.ThrowIfNull(command);
        options ??= new RecurringOptions();
        var kind = kinds.Get(command.GetType());
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new ArgumentException(
                $"Unknown time zone '{options.TimeZoneId}' (use an IANA id such as Europe/Berlin).",
                nameof(options),
                ex
            );
        }

        var job = JobDispatcher.CreateJob(kind.Name, JobKindRegistry.Serialize(command), JobRunOptions.From(null, options.Queue));
        manager.AddOrUpdate(recurringJobId, job, cron, new Hangfire.RecurringJobOptions { TimeZone = zone });
    }

    public void RemoveIfExists(string recurringJobId) => manager.RemoveIfExists(recurringJobId);

    public string? Trigger(string recurringJobId) => manager.TriggerJob(recurringJobId);
}
