using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using ScribeBot.Core.Storage;

namespace ScribeBot.Postgres.Writing;

/// <summary>
/// Group commit for timeline appends, the hot path (every chat message of every open incident). Callers enqueue and
/// await; <see cref="Writers"/> loops each take everything queued (up to <see cref="MaxBatch"/>), write it in one
/// transaction (<see cref="EntryBatchWrite"/>), commit, and only then answer the callers, so an answered append is
/// durable (<c>synchronous_commit=on</c>). One commit (one WAL flush, one round trip) then carries a whole batch
/// instead of one message; two writers let one batch be built and sent while the other waits on the server.
/// <para>
/// Failures (docs/decisions.md, "PostgreSQL group commit"): nobody in a batch is answered before its commit, and a
/// batch whose commit fails or whose connection breaks fails every caller in it (none of them may be durable; their
/// platforms retry, and the key makes a retry that finds the row a duplicate). A batch the server refuses for its
/// data (SQLSTATE classes 22, 23, 54: a value PostgreSQL cannot store, such as a NUL character) is written again
/// one append per transaction, so only the bad append fails. An append with the key of an earlier one in the same
/// batch is not sent: it is a duplicate of that one.
/// </para>
/// </summary>
internal sealed partial class EntryAppendBatcher : IAsyncDisposable
{
    /// <summary>Enough for 50 channels with several callers each; bounds one statement's arrays.</summary>
    internal const int MaxBatch = 1_000;

    internal const int Writers = 2;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] _writers;
    private long _connectionGeneration;

    public EntryAppendBatcher(NpgsqlDataSource dataSource, ILogger logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    public Task<AppendResult> AppendAsync(PendingAppend append)
    {
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(append), this);
        return append.Result;
    }

    /// <summary>
    /// After the store saw the database go away: each writer opens a new connection for its next batch rather than
    /// finding out on a batch after the database is back that the one it kept died with the server (which would answer
    /// that batch 503 and report a second outage).
    /// </summary>
    public void ForgetConnections() => Interlocked.Increment(ref _connectionGeneration);

    /// <summary>Takes no more appends, writes those already queued, and waits for the writers to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers).ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        await using var connection = new WriterConnection(_dataSource, () => Interlocked.Read(ref _connectionGeneration));
        var batch = new List<PendingAppend>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var append))
            {
                if (append.CancellationToken.IsCancellationRequested)
                {
                    // Not written yet: the caller gave up, and nothing of it will be stored.
                    append.Cancel();
                }
                else
                {
                    batch.Add(append);
                }
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(connection, batch).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteBatchAsync(WriterConnection connection, List<PendingAppend> batch)
    {
        var (distinct, repeats) = SplitRepeats(batch);
        try
        {
            await CommitAsync(connection, distinct).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (distinct.Count > 1 && IsAboutTheData(exception))
        {
            LogBatchRetried(exception, distinct.Count);
            foreach (var append in distinct)
            {
                try
                {
                    await CommitAsync(connection, [append]).ConfigureAwait(false);
                }
                catch (Exception alone)
                {
                    append.Fail(alone);
                }
            }
        }
        catch (Exception exception)
        {
            // The database going away is the store's one outage warning (each caller is answered 503); anything else
            // is an error of its own.
            if (DatabaseFailures.IsUnavailable(exception))
            {
                LogBatchLostDatabase(exception, batch.Count);
            }
            else
            {
                LogBatchFailed(exception, batch.Count);
            }

            foreach (var append in batch)
            {
                append.Fail(exception);
            }

            return;
        }

        foreach (var (repeat, first) in repeats)
        {
            if (first.Result.IsCompletedSuccessfully)
            {
                repeat.Complete(AppendResult.Duplicate);
            }
            else
            {
                // The first of the key failed alone: the repeat, with the same key, takes its own chance.
                await WriteBatchAsync(connection, [repeat]).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Writes the appends in one transaction and answers them after it committed; throws, answering nobody, if
    /// anything fails. Untagged messages (nearly all) need only the insert, a statement that commits by itself: one
    /// round trip for the batch. Tagged ones also refresh their incidents' phase columns, in an explicit transaction.
    /// </summary>
    private static async Task CommitAsync(WriterConnection writer, List<PendingAppend> appends)
    {
        AppendResult[] results;
        try
        {
            var (connection, insert) = await writer.GetAsync(CancellationToken.None).ConfigureAwait(false);
            if (appends.TrueForAll(a => a.Entry.Marks.Count == 0))
            {
                results = await EntryBatchWrite.InsertAsync(insert, null, appends, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
                results = await EntryBatchWrite.InsertAsync(insert, transaction, appends, CancellationToken.None).ConfigureAwait(false);
                await EntryBatchWrite.RefreshPhasesAsync(connection, transaction, appends, results, CancellationToken.None).ConfigureAwait(false);
                await transaction.CommitAsync().ConfigureAwait(false);
            }
        }
        catch
        {
            await writer.DiscardAsync().ConfigureAwait(false);
            throw;
        }

        for (var i = 0; i < appends.Count; i++)
        {
            appends[i].Complete(results[i]);
        }
    }

    /// <summary>The first append of each key, and each later one with the first of its key.</summary>
    private static (List<PendingAppend> Distinct, List<(PendingAppend Repeat, PendingAppend First)> Repeats) SplitRepeats(List<PendingAppend> batch)
    {
        var firsts = new Dictionary<(string, string), PendingAppend>(batch.Count);
        var distinct = new List<PendingAppend>(batch.Count);
        var repeats = new List<(PendingAppend, PendingAppend)>();
        foreach (var append in batch)
        {
            if (firsts.TryGetValue((append.Entry.IncidentId, append.Entry.MessageId), out var first))
            {
                repeats.Add((append, first));
            }
            else
            {
                firsts.Add((append.Entry.IncidentId, append.Entry.MessageId), append);
                distinct.Add(append);
            }
        }

        return (distinct, repeats);
    }

    /// <summary>
    /// Whether the server refused the statement for a value in it (data exception, integrity constraint, program
    /// limit such as a row too big), which one append can cause alone; not for a lost connection, a shutdown or a
    /// full disk, which every append would meet again.
    /// </summary>
    private static bool IsAboutTheData(PostgresException exception) =>
        exception.SqlState.StartsWith("22", StringComparison.Ordinal)
        || exception.SqlState.StartsWith("23", StringComparison.Ordinal)
        || exception.SqlState.StartsWith("54", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL refused a batch of {BatchSize} timeline appends for its data; writing them one by one")]
    private partial void LogBatchRetried(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {BatchSize} timeline appends failed; none of them is acknowledged")]
    private partial void LogBatchFailed(Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A batch of {BatchSize} timeline appends lost the database; none of them is acknowledged")]
    private partial void LogBatchLostDatabase(Exception exception, int batchSize);
}
