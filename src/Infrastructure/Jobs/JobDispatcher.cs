using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using CleanApp.Application.Common.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.Dashboard;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// The one method Hangfire stores for every CleanApp job: a kind, the command's System.Text.Json payload and the
/// per-call overrides. Hangfire's activator creates it in a fresh DI scope per job, so the command goes through the whole
/// MediatR pipeline exactly as an HTTP request does. Keep this type's name, namespace and signature: queued jobs name them.
/// </summary>
public sealed class JobDispatcher(IMediator mediator, JobKindRegistry kinds)
{
    [KindDisplayName]
    public async Task RunAsync(string kind, string payload, string? options, CancellationToken cancellationToken)
    {
        if (!kinds.TryGet(kind, out var registered))
        {
            throw new JobPayloadException($"Unknown job kind '{kind}': the command that handled it was removed.");
        }

        object? command;
        try
        {
            command = JsonSerializer.Deserialize(payload, registered.CommandType, JobKindRegistry.PayloadOptions);
        }
        catch (JsonException ex)
        {
            throw new JobPayloadException($"The payload of '{kind}' does not describe {registered.CommandType.Name}: {ex.Message}", ex);
        }

        if (command is not IRequest<Unit> request)
        {
            throw new JobPayloadException($"The payload of '{kind}' is empty.");
        }

        await mediator.Send(request, cancellationToken);
    }

    public static Job CreateJob(string kind, string payload, JobRunOptions? options) =>
        new(
            typeof(JobDispatcher),
            typeof(JobDispatcher).GetMethod(nameof(RunAsync))!,
            kind,
            payload,
            options?.ToJson(),
            CancellationToken.None
        );
}

/// <summary>A job that can never succeed (unknown kind, unreadable payload): it fails at once instead of retrying.</summary>
public sealed class JobPayloadException : Exception
{
    public JobPayloadException(string message)
        : base(message) { }

    public JobPayloadException(string message, Exception inner)
        : base(message, inner) { }
}

/// <summary>Per-call overrides of the kind's defaults, stored as the dispatcher's third argument (plain JSON, no type names).</summary>
public sealed record JobRunOptions(string? Queue, int? Attempts, RetriesExhausted? OnAttemptsExceeded)
{
    public static JobRunOptions? From(JobOptions? options, string? queue = null) =>
        options is null && queue is null ? null
        : options?.Queue is null && options?.Attempts is null && options?.OnAttemptsExceeded is null && queue is null ? null
        : new JobRunOptions(queue ?? options?.Queue, options?.Attempts, options?.OnAttemptsExceeded);

    public string ToJson() => JsonSerializer.Serialize(this, JobKindRegistry.PayloadOptions);

    public static JobRunOptions? Parse(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<JobRunOptions>(json, JobKindRegistry.PayloadOptions);
}

/// <summary>
/// "Send welcome email to user 42" instead of <c>JobDispatcher.RunAsync</c>: the kind's <see cref="BackgroundJobAttribute.DisplayName"/>
/// with its <c>{Property}</c> placeholders filled from the payload. Only the named properties are shown.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed partial class KindDisplayNameAttribute : JobDisplayNameAttribute
{
    public KindDisplayNameAttribute()
        : base("{0}") { }

    public override string Format(DashboardContext context, Job job)
    {
        var kinds = (context as AspNetCoreDashboardContext)?.HttpContext.RequestServices.GetService<JobKindRegistry>();
        return Describe(kinds, job);
    }

    public static string Describe(JobKindRegistry? kinds, Job job)
    {
        if (job.Args.Count < 2 || job.Args[0] is not string kind)
        {
            return job.ToString();
        }

        if (kinds is null || !kinds.TryGet(kind, out var registered) || registered.Defaults.DisplayName is not { } template)
        {
            return kind;
        }

        var payload = job.Args[1] as string;
        return Placeholder().Replace(template, m => ValueOf(payload, m.Groups[1].Value) ?? m.Value);
    }

    private static string? ValueOf(string? payload, string property)
    {
        if (payload is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (string.Equals(member.Name, property, StringComparison.OrdinalIgnoreCase))
                {
                    return member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : member.Value.GetRawText();
                }
            }
        }
        catch (JsonException)
        {
            // An unreadable payload keeps its placeholder; the job itself will fail with the reason.
        }

        return null;
    }

    [GeneratedRegex(@"\{(\w+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>
/// Hangfire reads filter attributes only from the job method, which is the same for every kind; this provider gives each
/// job its kind's queue and retry policy (or the call's overrides). Jobs that can never succeed fail without retrying.
/// </summary>
public sealed class JobKindFilterProvider(JobKindRegistry kinds) : IJobFilterProvider
{
    private readonly ConcurrentDictionary<(string Kind, string? Options), JobFilter[]> _cache = new();

    public IEnumerable<JobFilter> GetFilters(Job job)
    {
        if (job?.Type != typeof(JobDispatcher) || job.Args.Count < 3 || job.Args[0] is not string kind)
        {
            return [];
        }

        return _cache.GetOrAdd((kind, job.Args[2] as string), Create);
    }

    private JobFilter[] Create((string Kind, string? Options) key)
    {
        if (!kinds.TryGet(key.Kind, out var registered))
        {
            return [Method(new AutomaticRetryAttribute { Attempts = 0 })];
        }

        var overrides = JobRunOptions.Parse(key.Options);
        var defaults = registered.Defaults;
        var exhausted = overrides?.OnAttemptsExceeded ?? defaults.OnAttemptsExceeded;
        return
        [
            Method(new QueueAttribute(overrides?.Queue ?? defaults.Queue)),
            Method(
                new AutomaticRetryAttribute
                {
                    Attempts = overrides?.Attempts ?? defaults.Attempts,
                    OnAttemptsExceeded =
                        exhausted == RetriesExhausted.Delete
                            ? Hangfire.AttemptsExceededAction.Delete
                            : Hangfire.AttemptsExceededAction.Fail,
                    ExceptOn = [typeof(JobPayloadException)],
                }
            ),
        ];
    }

    private static JobFilter Method(object filter) => new(filter, JobFilterScope.Method, null);
}
