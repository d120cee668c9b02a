using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// The single writer (see DESIGN.md). Callers enqueue an operation and await it; one dedicated thread (a LiteDB
/// transaction belongs to the thread that began it) takes everything queued, applies it in one transaction, commits
/// (group commit) and hands the batch to the <see cref="SyncPipeline"/>, which fsyncs the log on its own thread while
/// this one applies the next batch, and completes the callers in commit order once their fsync returned. Without
/// fsync (<c>FlushToDisk = false</c>) the callers are completed right after the commit.
/// <para>
/// Failure semantics. An operation whose own code throws before it wrote anything (its <c>create</c> or
/// <c>change</c> callback) fails alone and the batch goes on. Any other exception inside the batch means the
/// transaction is gone (LiteDB rolls back an explicit transaction on any engine error), so the batch is rolled back
/// and every operation in it that has not finished is retried in a transaction of its own: each then succeeds or
/// fails on its own merits, and no caller is failed for another's fault. A failed commit fails every operation of
/// that batch with the commit's exception, since none of them may be durable.
/// </para>
/// <para>
/// A storage failure (an I/O error such as a full disk, or LiteDB's engine closed by one) fails the whole batch at
/// once, without the one-by-one retry that would only meet the same disk, and then the file is opened again
/// (<see cref="StoreFile.Reopen"/>), with the open incidents, the arrival counter and the caches reloaded from it, so
/// the memory agrees with what was really committed. If it cannot be opened, each later batch tries again first and
/// is failed at once while that fails. So the writer outlives the failure, and writes succeed again as soon as the
/// disk does. Every operation also carries a deadline (<c>Storage:LiteDb:WriteTimeout</c>), so no caller waits
/// forever whatever the writer or the fsync thread is stuck on.
/// </para>
/// </summary>
internal sealed partial class WriterLoop : IAsyncDisposable
{
    /// <summary>Incidents whose message ids are kept in memory: far more than are ever open at once.</summary>
    private const int KnownIncidents = 256;

    private readonly StoreFile _file;
    private readonly OpenIncidentMap _openIncidents;
    private readonly AdapterStateCache _adapterState;
    private readonly SyncPipeline? _syncPipeline;
    private readonly int _maxBatchSize;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly BlockingCollection<WriteOperation> _queue = new(new ConcurrentQueue<WriteOperation>());
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private readonly KnownEntryKeys _knownKeys = new(KnownIncidents);
    private long _lastSequence;
    private Exception? _unopened;
    private volatile Exception? _crashed;

    public WriterLoop(
        StoreFile file,
        OpenIncidentMap openIncidents,
        AdapterStateCache adapterState,
        ILogSync? logSync,
        int maxBatchSize,
        TimeProvider timeProvider,
        TimeSpan timeout,
        ILogger logger)
    {
        _file = file;
        _timeProvider = timeProvider;
        _timeout = timeout;
        _openIncidents = openIncidents;
        _adapterState = adapterState;
        _syncPipeline = logSync is null ? null : new SyncPipeline(logSync, logger);
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _lastSequence = WriteSession.LoadLastSequence(file.Database);
        _thread = new Thread(Run) { IsBackground = true, Name = "ScribeBot.LiteDb writer" };
        _thread.Start();
    }

    public Task<T> EnqueueAsync<T>(Func<WriteSession, T> apply, CancellationToken cancellationToken) =>
        Enqueue(apply, isMaintenance: false, cancellationToken);

    /// <summary>Runs <paramref name="apply"/> on the writer thread between transactions (no transaction open).</summary>
    public Task<T> EnqueueMaintenanceAsync<T>(Func<WriteSession, T> apply, CancellationToken cancellationToken) =>
        Enqueue(apply, isMaintenance: true, cancellationToken);

    /// <summary>Stops taking new writes, lets the queued ones commit, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.CompleteAdding();
        await _stopped.Task.ConfigureAwait(false);
        _queue.Dispose();
    }

    private Task<T> Enqueue<T>(Func<WriteSession, T> apply, bool isMaintenance, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_crashed is { } crashed)
        {
            throw new InvalidOperationException("The store's writer stopped; restart the host.", crashed);
        }

        var operation = new WriteOperation<T>(apply, isMaintenance, _timeProvider, _timeout, cancellationToken);
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

    private void Run()
    {
        var batch = new List<WriteOperation>(_maxBatchSize);
        var maintenance = new List<WriteOperation>();
        try
        {
            while (_queue.TryTake(out var first, Timeout.Infinite))
            {
                Collect(first, batch, maintenance);
                while (batch.Count < _maxBatchSize && _queue.TryTake(out var next))
                {
                    Collect(next, batch, maintenance);
                }

                if (!IsOpen(out var unopened))
                {
                    Settle(batch, unopened);
                    foreach (var operation in maintenance)
                    {
                        operation.Fail(unopened);
                    }
                }
                else
                {
                    if (batch.Count > 0)
                    {
                        ExecuteBatch(batch);
                    }

                    foreach (var operation in maintenance)
                    {
                        RunAlone(operation, inTransaction: false);
                    }
                }

                batch.Clear();
                maintenance.Clear();
            }
        }
        catch (Exception exception)
        {
            // Only a bug gets here; fail what is in hand and what comes later rather than leave callers waiting.
            _crashed = exception;
            LogWriterCrashed(exception);
            while (_queue.TryTake(out var queued))
            {
                batch.Add(queued);
            }

            foreach (var operation in batch.Concat(maintenance).Where(o => !o.IsFinished))
            {
                operation.Fail(exception);
            }
        }
        finally
        {
            // Settle every committed batch (and let go of the log file) before the database may be closed.
            _syncPipeline?.Dispose();
            _stopped.TrySetResult();
        }
    }

    private static void Collect(WriteOperation operation, List<WriteOperation> batch, List<WriteOperation> maintenance)
    {
        if (operation.TryTake())
        {
            (operation.IsMaintenance ? maintenance : batch).Add(operation);
        }
    }

    private void ExecuteBatch(List<WriteOperation> batch)
    {
        var session = NewSession(verifyInFile: false);
        var applied = new List<WriteOperation>(batch.Count);
        try
        {
            _file.Database.BeginTrans();
        }
        catch (Exception exception) when (StorageFailures.IsStorageFailure(exception))
        {
            FailOnStorage(batch, exception);
            return;
        }

        foreach (var operation in batch)
        {
            session.BeginOperation();
            try
            {
                operation.Apply(session);
                applied.Add(operation);
            }
            catch (Exception exception) when (session.WritesInOperation == 0 && exception is not LiteException && !StorageFailures.IsStorageFailure(exception))
            {
                // The operation's own callback refused before writing: the transaction is intact.
                operation.Fail(exception);
            }
            catch (Exception exception) when (StorageFailures.IsStorageFailure(exception))
            {
                TryRollback();
                FailOnStorage(batch.Where(o => !o.IsFinished).ToList(), exception);
                return;
            }
            catch (Exception exception)
            {
                LogBatchRetried(exception, batch.Count);
                TryRollback();
                foreach (var pending in batch.Where(o => !o.IsFinished))
                {
                    RunAlone(pending, inTransaction: true);
                }

                return;
            }
        }

        try
        {
            session.SaveSequence();
            _file.Database.Commit();
        }
        catch (Exception exception)
        {
            LogCommitFailed(exception, applied.Count);
            TryRollback();
            Settle(applied, exception);
            if (StorageFailures.IsStorageFailure(exception))
            {
                Reopen();
            }

            return;
        }

        Publish(session);
        Settle(applied, null);
    }

    /// <summary>Fails the callers at once (in commit order, through the fsync queue), then opens the file again.</summary>
    private void FailOnStorage(List<WriteOperation> operations, Exception exception)
    {
        LogBatchFailed(exception, operations.Count);
        Settle(operations, exception);
        Reopen();
    }

    /// <summary>False while the file could not be opened again after a storage failure; tries once more first.</summary>
    private bool IsOpen([NotNullWhen(false)] out Exception? failure)
    {
        if (_unopened is not null)
        {
            Reopen();
        }

        failure = _unopened;
        return failure is null;
    }

    private void Reopen()
    {
        // Whatever the failure left in memory may not be what the file holds: take it all from the file again.
        _knownKeys.Clear();
        _adapterState.Clear();
        try
        {
            var cut = _file.Reopen();
            _openIncidents.Reload(_file.Schema.LoadOpenIncidents());
            _lastSequence = WriteSession.LoadLastSequence(_file.Database);
            _syncPipeline?.LogReopened();
            if (_unopened is not null || cut > 0)
            {
                LogReopened(cut);
            }

            _unopened = null;
        }
        catch (Exception exception)
        {
            if (_unopened is null)
            {
                LogReopenFailed(exception);
            }

            _unopened = exception;
        }
    }

    /// <summary>
    /// Completes (or fails) a batch's callers, after the fsync when there is one. Committed data is visible to
    /// readers from the commit on, as before; only the acknowledgement waits for the device.
    /// </summary>
    private void Settle(IReadOnlyList<WriteOperation> operations, Exception? commitFailure)
    {
        if (_syncPipeline is not null)
        {
            if (commitFailure is null)
            {
                _syncPipeline.Committed(operations);
            }
            else
            {
                _syncPipeline.CommitFailed(operations, commitFailure);
            }

            return;
        }

        foreach (var operation in operations)
        {
            if (commitFailure is null)
            {
                operation.Complete();
            }
            else
            {
                operation.Fail(commitFailure);
            }
        }
    }

    private void RunAlone(WriteOperation operation, bool inTransaction)
    {
        var session = NewSession(verifyInFile: true);
        try
        {
            if (inTransaction)
            {
                _file.Database.BeginTrans();
            }

            session.BeginOperation();
            operation.Apply(session);
            if (inTransaction)
            {
                session.SaveSequence();
                _file.Database.Commit();
            }
        }
        catch (Exception exception)
        {
            if (inTransaction)
            {
                TryRollback();
            }

            operation.Fail(exception);
            if (StorageFailures.IsStorageFailure(exception))
            {
                LogBatchFailed(exception, 1);
                Reopen();
            }

            return;
        }

        Publish(session);
        if (inTransaction)
        {
            Settle([operation], null);
        }
        else
        {
            operation.Complete();
        }
    }

    private WriteSession NewSession(bool verifyInFile) =>
        new(_file.Schema, _openIncidents, _adapterState, _lastSequence, _knownKeys, verifyInFile);

    private void Publish(WriteSession session)
    {
        _lastSequence = Math.Max(_lastSequence, session.LastSequence);
        session.Publish();
    }

    private void TryRollback()
    {
        // The known ids may include some of the rolled-back transaction's, and after a failed commit the cached state
        // may not be what the file holds; reload both from the file when next needed.
        _knownKeys.Clear();
        _adapterState.Clear();
        try
        {
            _file.Database.Rollback();
        }
        catch (Exception exception)
        {
            LogRollbackFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write failed inside a batch of {BatchSize}; retrying its operations one by one")]
    private partial void LogBatchRetried(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failed under a batch of {BatchSize} writes; all of them are reported as failed and the file is opened again")]
    private partial void LogBatchFailed(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The store's file is open again after a storage failure ({CutBytes} bytes of a page cut short dropped from its tails)")]
    private partial void LogReopened(long cutBytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "The store's file could not be opened again after a storage failure; writes fail until it can")]
    private partial void LogReopenFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Commit of {BatchSize} writes failed; all of them are reported as failed")]
    private partial void LogCommitFailed(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollback after a failed write failed")]
    private partial void LogRollbackFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The store's writer loop stopped unexpectedly")]
    private partial void LogWriterCrashed(Exception exception);
}
