namespace ScribeBot.Core.Outbox;

/// <summary>
/// Wakes the <see cref="OutboxDispatcher"/> when something was enqueued, so a new post goes out at once instead of
/// at the next timer. Level-triggered: a notification while the dispatcher is busy is kept for its next wait.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    /// <summary>Raised after an enqueue has committed.</summary>
    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one pending wake-up is enough.
        }
    }

    /// <summary>Completes at the next (or a pending) <see cref="Notify"/>, consuming it.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
