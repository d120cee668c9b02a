namespace ScribeBot.Core.Outbox;

/// <summary>
/// Wakes the outbox dispatcher when something was enqueued, so a new post goes out at once instead of
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

    /// <summary>
    /// Waits until <see cref="Notify"/> or until <paramref name="timeout"/> has passed on <paramref name="timeProvider"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/>: no timeout).
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _semaphore.WaitAsync(linked.Token);
        var waits = timeout == Timeout.InfiniteTimeSpan
            ? [signalled]
            : new[] { signalled, Task.Delay(timeout, timeProvider, linked.Token) };
        var first = await Task.WhenAny(waits).ConfigureAwait(false);
        await linked.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        // The loser is cancelled, not faulted, so leaving it unobserved raises nothing.
        await first.ConfigureAwait(false);
    }

    public void Dispose() => _semaphore.Dispose();
}
