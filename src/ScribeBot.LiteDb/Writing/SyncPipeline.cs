using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// Pipelined group commit: the writer hands each committed batch here and goes on to the next batch while this
/// thread fsyncs the log. One fsync covers every batch committed before it started, so batches that pile up during
/// a slow fsync share the next one. Callers are completed strictly in commit order, and only after an fsync that
/// started after their commit has returned; a failed fsync fails every batch it was meant to cover (none of them can
/// be called durable) and nothing later.
/// </summary>
internal sealed partial class SyncPipeline : IDisposable
{
    private readonly ILogSync _sync;
    private readonly ILogger _logger;
    private readonly BlockingCollection<CommittedBatch> _queue = new(new ConcurrentQueue<CommittedBatch>());
    private readonly Thread _thread;
    private int _logReopened;

    public SyncPipeline(ILogSync sync, ILogger logger)
    {
        _sync = sync;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "ScribeBot.LiteDb fsync" };
        _thread.Start();
    }

    /// <summary>Completes <paramref name="operations"/> after the next fsync (commit order is kept).</summary>
    public void Committed(IReadOnlyList<WriteOperation> operations) => _queue.Add(new CommittedBatch(operations, null));

    /// <summary>
    /// Fails <paramref name="operations"/> in turn with the commit's exception: through this queue rather than at
    /// once, so no caller hears about a later batch before every earlier one is settled.
    /// </summary>
    public void CommitFailed(IReadOnlyList<WriteOperation> operations, Exception exception) =>
        _queue.Add(new CommittedBatch(operations, exception));

    /// <summary>
    /// The writer opened the database again; the fsync thread lets go of its log handle before its next fsync (the
    /// handle is the fsync thread's alone). Batches committed before the failure are in the same file unless LiteDB
    /// deleted it, which it does only to an empty log, so reaching them through a new handle is the same.
    /// </summary>
    public void LogReopened() => Volatile.Write(ref _logReopened, 1);

    /// <summary>Settles everything handed over so far, then releases the log handle.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
        _sync.Dispose();
    }

    private void Run()
    {
        var taken = new List<CommittedBatch>();
        while (_queue.TryTake(out var first, Timeout.Infinite))
        {
            taken.Add(first);
            while (_queue.TryTake(out var next))
            {
                taken.Add(next);
            }

            var syncFailure = taken.Exists(b => b.CommitFailure is null) ? TrySync(taken) : null;
            foreach (var batch in taken)
            {
                var failure = batch.CommitFailure ?? syncFailure;
                foreach (var operation in batch.Operations)
                {
                    if (failure is null)
                    {
                        operation.Complete();
                    }
                    else
                    {
                        operation.Fail(failure);
                    }
                }
            }

            taken.Clear();
        }
    }

    private Exception? TrySync(List<CommittedBatch> batches)
    {
        try
        {
            if (Interlocked.Exchange(ref _logReopened, 0) == 1)
            {
                _sync.Reopen();
            }

            _sync.Flush();
            return null;
        }
        catch (Exception exception)
        {
            // Only bugs could escape this thread, so report the failure to the callers instead. (After a failed
            // fsync Linux may have dropped the dirty pages; a later fsync succeeding says nothing about these.)
            LogSyncFailed(exception, batches.Sum(b => b.Operations.Count));
            return exception;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "fsync of the log failed; {Count} committed writes are reported as failed")]
    private partial void LogSyncFailed(Exception exception, int count);

    private readonly record struct CommittedBatch(IReadOnlyList<WriteOperation> Operations, Exception? CommitFailure);
}
