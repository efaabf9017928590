using System.Collections.Concurrent;
using CleanApp.Application.Common.Jobs;
using MediatR;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>Every execution of a test job, per run id, so parallel tests never read each other's counts.</summary>
public static class TestJobLog
{
    private static readonly ConcurrentDictionary<string, int> Executions = new(StringComparer.Ordinal);

    public static void Record(string run, int item) => Executions.AddOrUpdate($"{run}:{item}", 1, (_, n) => n + 1);

    public static IReadOnlyDictionary<int, int> Of(string run) =>
        Executions
            .Where(e => e.Key.StartsWith(run + ":", StringComparison.Ordinal))
            .ToDictionary(e => int.Parse(e.Key[(run.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture), e => e.Value);
}

[BackgroundJob("test.record", DisplayName = "Record item {Item} of run {Run}")]
public sealed record RecordCommand(string Run, int Item) : IRequest;

public sealed class RecordCommandHandler : IRequestHandler<RecordCommand, Unit>
{
    public Task<Unit> Handle(RecordCommand request, CancellationToken cancellationToken)
    {
        TestJobLog.Record(request.Run, request.Item);
        return Task.FromResult(Unit.Value);
    }
}

/// <summary>
/// The class a queued "test.renamed" job was created with has since been renamed and moved to this one: the kind is
/// what Hangfire stored, so the queued job still runs.
/// </summary>
[BackgroundJob("test.renamed", Queue = "critical", Attempts = 2, OnAttemptsExceeded = RetriesExhausted.Delete)]
public sealed record RenamedAndMovedCommand(string Run, int Item) : IRequest;

public sealed class RenamedAndMovedCommandHandler : IRequestHandler<RenamedAndMovedCommand, Unit>
{
    public Task<Unit> Handle(RenamedAndMovedCommand request, CancellationToken cancellationToken)
    {
        TestJobLog.Record(request.Run, request.Item);
        return Task.FromResult(Unit.Value);
    }
}

[BackgroundJob("test.always-fails", Attempts = 0)]
public sealed record AlwaysFailsCommand(string Run) : IRequest;

public sealed class AlwaysFailsCommandHandler : IRequestHandler<AlwaysFailsCommand, Unit>
{
    public Task<Unit> Handle(AlwaysFailsCommand request, CancellationToken cancellationToken)
    {
        TestJobLog.Record(request.Run, 0);
        throw new InvalidOperationException("This job always fails.");
    }
}
