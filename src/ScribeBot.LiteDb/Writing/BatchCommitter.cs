using LiteDB;
using Microsoft.Extensions.Logging;

namespace ScribeBot.LiteDb.Writing;

/// <summary>
/// Applies what the writer took in one LiteDB transaction and commits it (group commit), then hands the callers to
/// the <see cref="Acknowledger"/>; reads and checkpoints run alone after it, outside any transaction.
/// <para>
/// An operation whose own code throws before it wrote anything (its <c>create</c> or <c>change</c> callback) fails
/// alone and the batch goes on. Any other exception inside the batch means the transaction is gone (LiteDB rolls
/// back an explicit transaction on any engine error), so the batch is rolled back and every operation in it that has
/// not finished is retried in a transaction of its own: each then succeeds or fails on its own merits, and no caller
/// is failed for another's fault. A failed commit fails every operation of that batch with the commit's exception,
/// since none of them may be durable. A storage failure fails the whole batch at once, without the one-by-one retry
/// that would only meet the same disk, and then <see cref="FileRecovery"/> opens the file again.
/// </para>
/// </summary>
internal sealed partial class BatchCommitter(
    StoreFile file, WriterMemory memory, FileRecovery recovery, Acknowledger acknowledger, ILogger logger)
{
    private readonly ILogger _logger = logger;

    /// <summary>Commits <paramref name="batch"/>, then runs <paramref name="maintenance"/>; fails both while the file is not open.</summary>
    public void Execute(List<WriteOperation> batch, List<WriteOperation> maintenance)
    {
        if (!recovery.IsOpen(out var unopened))
        {
            acknowledger.Settle(batch, unopened);
            foreach (var operation in maintenance)
            {
                operation.Fail(unopened);
            }

            return;
        }

        if (batch.Count > 0)
        {
            Commit(batch);
        }

        foreach (var operation in maintenance)
        {
            RunAlone(operation, inTransaction: false);
        }
    }

    private void Commit(List<WriteOperation> batch)
    {
        var session = memory.NewSession(file.Schema, verifyInFile: false);
        var applied = new List<WriteOperation>(batch.Count);
        try
        {
            file.Database.BeginTrans();
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
                recovery.Rollback();
                FailOnStorage(batch.Where(o => !o.IsFinished).ToList(), exception);
                return;
            }
            catch (Exception exception)
            {
                LogBatchRetried(exception, batch.Count);
                recovery.Rollback();
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
            file.Database.Commit();
        }
        catch (Exception exception)
        {
            LogCommitFailed(exception, applied.Count);
            recovery.Rollback();
            acknowledger.Settle(applied, exception);
            if (StorageFailures.IsStorageFailure(exception))
            {
                recovery.Reopen();
            }

            return;
        }

        memory.Publish(session);
        acknowledger.Settle(applied, null);
    }

    /// <summary>Fails the callers at once (in commit order, through the fsync queue), then opens the file again.</summary>
    private void FailOnStorage(List<WriteOperation> operations, Exception exception)
    {
        LogBatchFailed(exception, operations.Count);
        acknowledger.Settle(operations, exception);
        recovery.Reopen();
    }

    private void RunAlone(WriteOperation operation, bool inTransaction)
    {
        var session = memory.NewSession(file.Schema, verifyInFile: true);
        try
        {
            if (inTransaction)
            {
                file.Database.BeginTrans();
            }

            session.BeginOperation();
            operation.Apply(session);
            if (inTransaction)
            {
                session.SaveSequence();
                file.Database.Commit();
            }
        }
        catch (Exception exception)
        {
            if (inTransaction)
            {
                recovery.Rollback();
            }

            operation.Fail(exception);
            if (StorageFailures.IsStorageFailure(exception))
            {
                LogBatchFailed(exception, 1);
                recovery.Reopen();
            }

            return;
        }

        memory.Publish(session);
        if (inTransaction)
        {
            acknowledger.Settle([operation], null);
        }
        else
        {
            operation.Complete();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write failed inside a batch of {BatchSize}; retrying its operations one by one")]
    private partial void LogBatchRetried(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failed under a batch of {BatchSize} writes; all of them are reported as failed and the file is opened again")]
    private partial void LogBatchFailed(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "Commit of {BatchSize} writes failed; all of them are reported as failed")]
    private partial void LogCommitFailed(Exception exception, int batchSize);
}
