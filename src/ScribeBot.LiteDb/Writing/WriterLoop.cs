using Microsoft.Extensions.Logging;

using ScribeBot.LiteDb.Ledger;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// The single writer (see DESIGN.md). Callers enqueue an operation and await it; one dedicated thread (a LiteDB
/// transaction belongs to the thread that began it) takes everything queued (<see cref="WriteQueue"/>), applies it in
/// one transaction and commits (<see cref="BatchCommitter"/>), and hands the batch to the <see cref="Acknowledger"/>,
/// whose <see cref="SyncPipeline"/> fsyncs the log on its own thread while this one applies the next batch, and
/// completes the callers in commit order once their fsync returned. A storage failure does not end the loop
/// (<see cref="FileRecovery"/>); only a bug does, and then every caller in hand or still to come is failed.
/// </summary>
internal sealed partial class WriterLoop : IAsyncDisposable
{
    private readonly WriteQueue _queue;
    private readonly Acknowledger _acknowledger;
    private readonly BatchCommitter _committer;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;

    public WriterLoop(
        StoreFile file,
        OpenIncidentMap openIncidents,
        AdapterStateCache adapterState,
        LedgerMemory ledger,
        ILogSync? logSync,
        int maxBatchSize,
        TimeProvider timeProvider,
        TimeSpan timeout,
        ILogger logger)
    {
        _queue = new WriteQueue(maxBatchSize, timeProvider, timeout);
        _acknowledger = new Acknowledger(logSync, logger);
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        var memory = new WriterMemory(openIncidents, adapterState, ledger, WriteSession.LoadLastSequence(file.Database));
        var recovery = new FileRecovery(file, memory, _acknowledger, logger);
        _committer = new BatchCommitter(file, memory, recovery, _acknowledger, logger);
        _thread = new Thread(Run) { IsBackground = true, Name = "ScribeBot.LiteDb writer" };
        _thread.Start();
    }

    public Task<T> EnqueueAsync<T>(Func<WriteSession, T> apply, CancellationToken cancellationToken) =>
        _queue.Enqueue(apply, isMaintenance: false, cancellationToken);

    /// <summary>Runs <paramref name="apply"/> on the writer thread between transactions (no transaction open).</summary>
    public Task<T> EnqueueMaintenanceAsync<T>(Func<WriteSession, T> apply, CancellationToken cancellationToken) =>
        _queue.Enqueue(apply, isMaintenance: true, cancellationToken);

    /// <summary>Stops taking new writes, lets the queued ones commit, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.CompleteAdding();
        await _stopped.Task.ConfigureAwait(false);
        _queue.Dispose();
    }

    private void Run()
    {
        var batch = new List<WriteOperation>(_maxBatchSize);
        var maintenance = new List<WriteOperation>();
        try
        {
            while (_queue.TryTakeBatch(batch, maintenance))
            {
                _committer.Execute(batch, maintenance);
                batch.Clear();
                maintenance.Clear();
            }
        }
        catch (Exception exception)
        {
            // Only a bug gets here; fail what is in hand and what comes later rather than leave callers waiting.
            _queue.Refuse(exception);
            LogWriterCrashed(exception);
            _queue.TakeRemaining(batch);
            foreach (var operation in batch.Concat(maintenance).Where(o => !o.IsFinished))
            {
                operation.Fail(exception);
            }
        }
        finally
        {
            // Settle every committed batch (and let go of the log file) before the database may be closed.
            _acknowledger.Dispose();
            _stopped.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The store's writer loop stopped unexpectedly")]
    private partial void LogWriterCrashed(Exception exception);
}
