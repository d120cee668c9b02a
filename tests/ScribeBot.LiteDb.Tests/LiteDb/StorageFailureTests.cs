using Microsoft.Extensions.Time.Testing;

namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>
/// Issue 12, item 4, through a fault-injecting disk: a failed write fails its callers at once, the writer lives on,
/// writes succeed again when the disk does, nothing acknowledged is lost, and no caller waits past its deadline.
/// </summary>
public sealed class StorageFailureTests : IDisposable
{
    /// <summary>How long a test waits before it calls an await a hang; the store's own deadline is shorter.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);
    private const string IncidentId = "slack:T1:1";
    private readonly TempDirectory _directory = new();
    private readonly FailingDisk _disk = new();

    public void Dispose()
    {
        _disk.Dispose();
        _directory.Dispose();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_full_disk_fails_the_write_at_once_and_writes_succeed_again_once_space_returns_without_losing_acknowledged_ones(bool flushToDisk)
    {
        var path = _directory.File("scribebot.db");
        var options = new LiteDbOptions { Path = path, FlushToDisk = flushToDisk, WriteTimeout = Hang * 2 };
        await using (var store = Open(options, TimeProvider.System))
        {
            var acknowledged = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                await store.AppendEntryAsync(Entry(IncidentId, $"before-{i}"), CancellationToken.None).WaitAsync(Hang);
                acknowledged.Add($"before-{i}");
            }

            _disk.Full = true;
            // Several writes in a row, each failed on its own (the writer lived through the first), none hanging.
            for (var i = 0; i < 3; i++)
            {
                await Assert.ThrowsAnyAsync<IOException>(
                    () => store.AppendEntryAsync(Entry(IncidentId, $"full-{i}"), CancellationToken.None).WaitAsync(Hang));
            }

            await Assert.ThrowsAnyAsync<IOException>(
                () => store.SetStateAsync("scribebot:heartbeat", "full", CancellationToken.None).WaitAsync(Hang));

            _disk.Full = false;
            Assert.Equal(AppendResult.Added, await store.AppendEntryAsync(Entry(IncidentId, "after"), CancellationToken.None).WaitAsync(Hang));
            acknowledged.Add("after");
            await store.SetStateAsync("scribebot:heartbeat", "after", CancellationToken.None).WaitAsync(Hang);
            Assert.True(_disk.Opens > 1, "the store should have opened the file again");

            var live = await store.GetTimelineAsync(IncidentId, CancellationToken.None).WaitAsync(Hang);
            Assert.Equal(acknowledged, live.Select(e => e.MessageId));
        }

        // LiteDB left the failed transactions half disposed; their finalizers must not take the process down.
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // And the file as a fresh process finds it: whole, with every acknowledged write and none of the failed ones.
        await using var reopened = StoreFactory.Open(path);
        var stored = await reopened.GetTimelineAsync(IncidentId, CancellationToken.None);
        Assert.Equal([.. Enumerable.Range(0, 20).Select(i => $"before-{i}"), "after"], stored.Select(e => e.MessageId));
        Assert.Equal("after", await reopened.GetStateAsync("scribebot:heartbeat", CancellationToken.None));
    }

    [Fact]
    public async Task An_incident_opened_before_the_disk_filled_is_still_open_afterwards_and_one_opened_while_full_is_not()
    {
        var path = _directory.File("scribebot.db");
        await using var store = Open(new LiteDbOptions { Path = path, WriteTimeout = Hang * 2 }, TimeProvider.System);
        var before = new ChannelRef(ChatPlatform.Slack, "T1", "C-before");
        var during = new ChannelRef(ChatPlatform.Slack, "T1", "C-during");
        await store.OpenIncidentAsync(before, Create(before), CancellationToken.None).WaitAsync(Hang);

        _disk.Full = true;
        await Assert.ThrowsAnyAsync<IOException>(
            () => store.OpenIncidentAsync(during, Create(during), CancellationToken.None).WaitAsync(Hang));
        _disk.Full = false;

        Assert.NotNull(await store.FindOpenIncidentAsync(before, CancellationToken.None));
        Assert.Null(await store.FindOpenIncidentAsync(during, CancellationToken.None));
        // The redelivery succeeds and takes the workspace's next number: the failed one used none up.
        var retried = await store.OpenIncidentAsync(during, Create(during), CancellationToken.None).WaitAsync(Hang);
        Assert.True(retried.Opened);
        Assert.Equal(2, retried.Incident.Number);
    }

    [Fact]
    public async Task A_caller_whose_write_the_writer_never_reaches_fails_at_its_deadline_and_later_writes_go_through()
    {
        var time = new FakeTimeProvider();
        var deadline = TimeSpan.FromSeconds(10);
        await using var store = Open(new LiteDbOptions { Path = _directory.File("scribebot.db"), WriteTimeout = deadline }, time);
        using var entered = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        var channel = new ChannelRef(ChatPlatform.Web, "w", "stuck");

        // A callback on the writer thread that does not return holds the writer, as a hung disk would.
        var stuck = store.OpenIncidentAsync(channel, _ =>
        {
            entered.Set();
            gate.Wait();
            throw new InvalidOperationException("released");
        }, CancellationToken.None);
        Assert.True(entered.Wait(Hang), "the writer never ran the callback");
        var queued = store.AppendEntryAsync(Entry(IncidentId, "queued"), CancellationToken.None);

        time.Advance(deadline - TimeSpan.FromMilliseconds(1));
        Assert.False(queued.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => queued.WaitAsync(Hang));
        Assert.Contains("Storage:LiteDb:WriteTimeout", timedOut.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(() => stuck.WaitAsync(Hang));

        gate.Set();
        // The writer skipped the expired write it had not reached, and goes on with the next one.
        Assert.Equal(AppendResult.Added, await store.AppendEntryAsync(Entry(IncidentId, "later"), CancellationToken.None).WaitAsync(Hang));
        var stored = await store.GetTimelineAsync(IncidentId, CancellationToken.None).WaitAsync(Hang);
        Assert.Equal(["later"], stored.Select(e => e.MessageId));
    }

    private LiteDbIncidentStore Open(LiteDbOptions options, TimeProvider time) =>
        new(Options.Create(options), time, NullLogger<LiteDbIncidentStore>.Instance, _disk.Open);
}
