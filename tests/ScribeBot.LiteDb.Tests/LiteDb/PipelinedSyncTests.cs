namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// The writer commits the next batch while the previous one is being fsync'ed; these tests stand in a disk whose
/// fsync blocks or fails, to pin down what callers are told and in which order.
/// </summary>
public sealed class PipelinedSyncTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _directory = new();
    private readonly StoreFile _file;
    private readonly StoreSchema _schema;

    public PipelinedSyncTests()
    {
        _file = new StoreFile(
            _directory.File("store.db"), 1_000, path => new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }));
        _schema = _file.Schema;
    }

    public void Dispose()
    {
        _file.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task A_failed_fsync_fails_only_its_batch_and_a_later_batch_waits_for_it()
    {
        var disk = new ScriptedSync();
        var writer = new WriterLoop(_file, new OpenIncidentMap([]), new AdapterStateCache(16), new LedgerMemory(), disk, 2_000, TimeProvider.System, Patience, NullLogger.Instance);
        try
        {
            // Scripted before the write: its fsync may start before this thread runs again.
            var firstSync = disk.NextCall();
            var first = Append(writer, "m1");
            Assert.True(firstSync.Entered.Wait(Patience));

            // While the first fsync hangs, the writer goes on: the second batch is committed (visible) ...
            var second = Append(writer, "m2");
            Assert.True(await StoredSoonAsync(writer, "m2"));
            // ... but neither caller is told anything before the first fsync returns.
            await Task.Delay(50);
            Assert.False(first.IsCompleted);
            Assert.False(second.IsCompleted);

            var secondSync = disk.NextCall();
            firstSync.Fail(new IOException("EIO"));

            var failure = await Assert.ThrowsAsync<IOException>(() => first);
            Assert.Equal("EIO", failure.Message);
            // The second batch was committed after the failed fsync began, so only the next fsync can vouch for it.
            Assert.True(secondSync.Entered.Wait(Patience));
            Assert.False(second.IsCompleted);
            secondSync.Succeed();
            Assert.Equal(AppendResult.Added, await second);
        }
        finally
        {
            disk.SucceedFromNowOn();
            await writer.DisposeAsync();
        }
    }

    [Fact]
    public async Task Batches_committed_during_a_slow_fsync_share_the_next_one_and_complete_in_commit_order()
    {
        var disk = new ScriptedSync();
        var writer = new WriterLoop(_file, new OpenIncidentMap([]), new AdapterStateCache(16), new LedgerMemory(), disk, 1, TimeProvider.System, Patience, NullLogger.Instance);
        try
        {
            var completed = new List<string>();
            Task<AppendResult> Tracked(string id) => Append(writer, id).ContinueWith(
                t =>
                {
                    lock (completed)
                    {
                        completed.Add(id);
                    }

                    return t.Result;
                },
                TaskScheduler.Default);

            // Scripted before the write: its fsync may start before this thread runs again.
            var firstSync = disk.NextCall();
            var first = Tracked("m0");
            Assert.True(firstSync.Entered.Wait(Patience));
            // MaxBatchSize 1: each of these is its own commit, all made while the first fsync hangs.
            var later = Enumerable.Range(1, 5).Select(i => Tracked($"m{i}")).ToArray();
            Assert.True(await StoredSoonAsync(writer, "m5"));
            var secondSync = disk.NextCall();
            firstSync.Succeed();
            await first;
            Assert.True(secondSync.Entered.Wait(Patience));
            Assert.All(later, t => Assert.False(t.IsCompleted));
            secondSync.Succeed();
            await Task.WhenAll(later);

            Assert.Equal(2, disk.Calls);
            Assert.Equal("m0", completed[0]);
        }
        finally
        {
            disk.SucceedFromNowOn();
            await writer.DisposeAsync();
        }
    }

    private static Task<AppendResult> Append(WriterLoop writer, string messageId) =>
        writer.EnqueueAsync(session => session.Append(Entry("i1", messageId)), CancellationToken.None);

    /// <summary>
    /// Whether the entry is committed, asked on the writer thread between commits - as the store reads - because a
    /// LiteDB read beside a commit on another thread can fail or see torn pages. Each probe queues behind the writes
    /// before it, so the loop is paced by the writer, not by a clock.
    /// </summary>
    private async Task<bool> StoredSoonAsync(WriterLoop writer, string messageId)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (await writer.EnqueueMaintenanceAsync(
                    _ => _schema.Entries.FindById(TimelineEntryMapping.KeyOf("i1", messageId)) is not null, CancellationToken.None))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An fsync the test steps through call by call.</summary>
    private sealed class ScriptedSync : ILogSync
    {
        private readonly Queue<SyncCall> _script = new();
        private volatile bool _free;
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        /// <summary>The next fsync to be made; it blocks until the test says how it ends.</summary>
        public SyncCall NextCall()
        {
            var call = new SyncCall();
            lock (_script)
            {
                _script.Enqueue(call);
            }

            return call;
        }

        public void SucceedFromNowOn() => _free = true;

        public void Flush()
        {
            Interlocked.Increment(ref _calls);
            SyncCall? call;
            lock (_script)
            {
                _script.TryDequeue(out call);
            }

            if (call is null)
            {
                Assert.True(SpinWait.SpinUntil(() => _free, Patience), "an fsync the test did not expect");
                return;
            }

            call.Entered.Set();
            Assert.True(call.Released.Wait(Patience), "the test never released an fsync");
            if (call.Failure is not null)
            {
                throw call.Failure;
            }
        }

        public void Reopen()
        {
        }

        public void Dispose()
        {
        }
    }

    private sealed class SyncCall
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Released { get; } = new();

        public Exception? Failure { get; private set; }

        public void Succeed() => Released.Set();

        public void Fail(Exception exception)
        {
            Failure = exception;
            Released.Set();
        }
    }
}
