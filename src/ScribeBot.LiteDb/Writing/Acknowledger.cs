using Microsoft.Extensions.Logging;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// Completes (or fails) a batch's callers: after the fsync when there is one, through the <see cref="SyncPipeline"/>,
/// which keeps commit order; without fsync (<c>FlushToDisk = false</c>) at once, right after the commit. Committed
/// data is visible to readers from the commit on either way; only the acknowledgement waits for the device.
/// </summary>
internal sealed class Acknowledger(ILogSync? logSync, ILogger logger) : IDisposable
{
    private readonly SyncPipeline? _syncPipeline = logSync is null ? null : new SyncPipeline(logSync, logger);

    public void Settle(IReadOnlyList<WriteOperation> operations, Exception? commitFailure)
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

    /// <summary>The file was opened again: the fsync thread takes a new handle on the log before its next fsync.</summary>
    public void LogReopened() => _syncPipeline?.LogReopened();

    /// <summary>Settles every batch handed over so far and lets go of the log file.</summary>
    public void Dispose() => _syncPipeline?.Dispose();
}
