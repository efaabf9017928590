namespace CleanApp.Infrastructure.Jobs;

/// <summary>Wakes this process's fetcher and scheduler without waiting for the poll interval (singleton).</summary>
public sealed class JobWakeUpSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pending wake-up is enough.
        }
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/>; returns true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
