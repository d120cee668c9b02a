using System.Collections.Concurrent;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// The writer's queue of operations. Each operation carries its caller's cancellation and a deadline
/// (<c>Storage:LiteDb:WriteTimeout</c>), so no caller waits forever whatever the writer or the fsync thread is stuck
/// on; one the caller gave up on before the writer reached it is skipped. After a writer crash it refuses at once.
/// </summary>
internal sealed class WriteQueue(int maxBatchSize, TimeProvider timeProvider, TimeSpan timeout) : IDisposable
{
    private readonly BlockingCollection<WriteOperation> _queue = new(new ConcurrentQueue<WriteOperation>());
    private volatile Exception? _crashed;

    public Task<T> Enqueue<T>(Func<WriteSession, T> apply, bool isMaintenance, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_crashed is { } crashed)
        {
            throw new InvalidOperationException("The store's writer stopped; restart the host.", crashed);
        }

        var operation = new WriteOperation<T>(apply, isMaintenance, timeProvider, timeout, cancellationToken);
        try
        {
            _queue.Add(operation, CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(LiteDbIncidentStore), "The store is shutting down.");
        }

        return operation.Task;
    }

    /// <summary>
    /// Waits for the next operation, then takes whatever else is queued, up to the batch size in writes (reads and
    /// checkpoints go to <paramref name="maintenance"/>). False once the queue is closed and empty.
    /// </summary>
    public bool TryTakeBatch(List<WriteOperation> batch, List<WriteOperation> maintenance)
    {
        if (!_queue.TryTake(out var first, Timeout.Infinite))
        {
            return false;
        }

        Collect(first, batch, maintenance);
        while (batch.Count < maxBatchSize && _queue.TryTake(out var next))
        {
            Collect(next, batch, maintenance);
        }

        return true;
    }

    /// <summary>The writer stopped on a bug: every later operation is refused at once.</summary>
    public void Refuse(Exception crash) => _crashed = crash;

    /// <summary>Moves what is still queued into <paramref name="operations"/>, so it can be failed.</summary>
    public void TakeRemaining(List<WriteOperation> operations)
    {
        while (_queue.TryTake(out var queued))
        {
            operations.Add(queued);
        }
    }

    /// <summary>Takes no more operations; what is queued is still handed out.</summary>
    public void CompleteAdding() => _queue.CompleteAdding();

    public void Dispose() => _queue.Dispose();

    private static void Collect(WriteOperation operation, List<WriteOperation> batch, List<WriteOperation> maintenance)
    {
        if (operation.TryTake())
        {
            (operation.IsMaintenance ? maintenance : batch).Add(operation);
        }
    }
}
