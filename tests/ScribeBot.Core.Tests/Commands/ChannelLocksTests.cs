using ScribeBot.Core.Storage;

namespace ScribeBot.Core.Tests.Commands;

public sealed class ChannelLocksTests
{
    [Fact]
    public async Task Locks_of_channels_no_one_holds_are_forgotten()
    {
        var locks = new ChannelLocks();

        for (var i = 0; i < 1000; i++)
        {
            await using var held = await locks.AcquireAsync($"web:local:channel-{i}", CancellationToken.None);
            Assert.Equal(1, locks.Count);
        }

        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_leaves_no_lock_behind()
    {
        var locks = new ChannelLocks();
        var held = await locks.AcquireAsync("slack:T1:C1", CancellationToken.None);
        using var giveUp = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("slack:T1:C1", giveUp.Token);
        Assert.False(waiting.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.DisposeAsync();

        Assert.Equal(0, locks.Count);
        await using var again = await locks.AcquireAsync("slack:T1:C1", CancellationToken.None);
    }

    [Fact]
    public async Task A_caller_arriving_while_the_lock_is_held_waits_for_it_and_the_lock_is_forgotten_after_both()
    {
        var locks = new ChannelLocks();
        var first = await locks.AcquireAsync("slack:T1:C1", CancellationToken.None);

        var second = locks.AcquireAsync("slack:T1:C1", CancellationToken.None);
        Assert.False(second.IsCompleted);
        await first.DisposeAsync();
        await (await second).DisposeAsync();

        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task Callers_of_one_channel_never_hold_its_lock_together_while_locks_come_and_go()
    {
        // Few keys and many callers, so gates are removed and created again all the time: a caller left waiting on a
        // removed gate while another creates a new one for the same channel would show as two holders at once.
        const int Callers = 16;
        const int Rounds = 2_000;
        string[] keys = ["slack:T1:C1", "slack:T1:C2", "teams:t:c"];
        var holders = new int[keys.Length];
        var overlaps = 0;
        var locks = new ChannelLocks();

        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                var k = (caller + round) % keys.Length;
                await using (await locks.AcquireAsync(keys[k], CancellationToken.None))
                {
                    if (Interlocked.Increment(ref holders[k]) != 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    if (round % 3 == 0)
                    {
                        await Task.Yield();
                    }

                    Interlocked.Decrement(ref holders[k]);
                }
            }
        })));

        Assert.Equal(0, overlaps);
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task A_shared_lock_is_asked_for_by_one_caller_of_the_process_at_a_time_and_released_before_the_next_asks()
    {
        var shared = new RecordingSharedLocks();
        var locks = new ChannelLocks(shared);

        var first = await locks.AcquireAsync("slack:T1:C1", CancellationToken.None);
        var second = locks.AcquireAsync("slack:T1:C1", CancellationToken.None);

        // The second caller queues in the process: it asks the store for nothing while the first holds the channel.
        Assert.False(second.IsCompleted);
        Assert.Equal(["acquire slack:T1:C1"], shared.Calls);
        await first.DisposeAsync();
        await (await second).DisposeAsync();

        Assert.Equal(["acquire slack:T1:C1", "release slack:T1:C1", "acquire slack:T1:C1", "release slack:T1:C1"], shared.Calls);
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task A_shared_lock_the_store_cannot_give_leaves_the_channel_free_in_the_process()
    {
        var locks = new ChannelLocks(new RecordingSharedLocks { Unavailable = true });

        await Assert.ThrowsAsync<StoreUnavailableException>(() => locks.AcquireAsync("slack:T1:C1", CancellationToken.None));

        Assert.Equal(0, locks.Count);
    }
}
