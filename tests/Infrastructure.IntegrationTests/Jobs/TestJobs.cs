using System.Collections.Concurrent;
using CleanApp.Application.Common.Jobs;
using MediatR;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>What the test handlers observed, shared by every engine instance of a test (one per "process").</summary>
public sealed class JobProbe
{
    public ConcurrentQueue<Execution> Executions { get; } = new();

    public ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, TaskCompletionSource> Started { get; } = new(StringComparer.Ordinal);

    public int CountFor(string tag) => Executions.Count(e => e.Tag == tag);

    public TaskCompletionSource Gate(string tag) =>
        Gates.GetOrAdd(tag, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public TaskCompletionSource StartedSignal(string tag) =>
        Started.GetOrAdd(tag, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public sealed record Execution(string Tag, string? JobId, int Attempt, DateTime At);
}

[BackgroundJob("test.record")]
public sealed record RecordJob(string Tag) : IRequest;

public sealed class RecordJobHandler(JobProbe probe, IJobExecutionContext context) : IRequestHandler<RecordJob, Unit>
{
    public Task<Unit> Handle(RecordJob request, CancellationToken cancellationToken)
    {
        probe.Executions.Enqueue(new JobProbe.Execution(request.Tag, context.JobId, context.Attempt, DateTime.UtcNow));
        return Task.FromResult(Unit.Value);
    }
}

public sealed class FlakyException(string message) : Exception(message);

public sealed class PermanentException(string message) : Exception(message);

/// <summary>Fails with <see cref="ExceptionName"/> on the first <see cref="FailTimes"/> executions (-1: always).</summary>
[BackgroundJob("test.fail")]
public sealed record FailingJob(string Tag, int FailTimes, string ExceptionName = nameof(FlakyException)) : IRequest;

public sealed class FailingJobHandler(JobProbe probe, IJobExecutionContext context) : IRequestHandler<FailingJob, Unit>
{
    public Task<Unit> Handle(FailingJob request, CancellationToken cancellationToken)
    {
        probe.Executions.Enqueue(new JobProbe.Execution(request.Tag, context.JobId, context.Attempt, DateTime.UtcNow));
        if (request.FailTimes < 0 || probe.CountFor(request.Tag) <= request.FailTimes)
        {
            throw request.ExceptionName == nameof(PermanentException)
                ? new PermanentException($"{request.Tag} failed for good")
                : new FlakyException($"{request.Tag} failed");
        }

        return Task.FromResult(Unit.Value);
    }
}

/// <summary>Signals that it started, then waits for its gate. Executions after <see cref="BlockOnlyAttempts"/> attempts do not block.</summary>
[BackgroundJob("test.block")]
public sealed record BlockingJob(string Tag, bool HonourCancellation = true, int BlockOnlyAttempts = int.MaxValue) : IRequest;

public sealed class BlockingJobHandler(JobProbe probe, IJobExecutionContext context) : IRequestHandler<BlockingJob, Unit>
{
    public async Task<Unit> Handle(BlockingJob request, CancellationToken cancellationToken)
    {
        probe.Executions.Enqueue(new JobProbe.Execution(request.Tag, context.JobId, context.Attempt, DateTime.UtcNow));
        probe.StartedSignal(request.Tag).TrySetResult();
        if (probe.CountFor(request.Tag) <= request.BlockOnlyAttempts)
        {
            var gate = probe.Gate(request.Tag).Task;
            if (request.HonourCancellation)
            {
                await gate.WaitAsync(cancellationToken);
            }
            else
            {
                await gate;
            }
        }

        return Unit.Value;
    }
}
