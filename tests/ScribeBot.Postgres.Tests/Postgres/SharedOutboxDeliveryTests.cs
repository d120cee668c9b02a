using System.Collections.Concurrent;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Text;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>
/// Two real delivery loops (<see cref="OutboxDispatcher"/>, each on its own store instance, as two hosts) deliver one
/// outbox with a poster that has no "never twice" check of its own, so nothing but the lease keeps an item from being
/// sent by both. Each delivery is held open until the other loop has looked at the outbox meanwhile
/// (<see cref="DeliveryRace"/>): without the lease every held item is handed to the other loop too, and this test fails
/// (checked by removing the lease condition from <c>GetDueAsync</c>).
/// </summary>
public sealed class SharedOutboxDeliveryTests(PostgresFixture postgres) : PostgresStoreTestBase(postgres)
{
    private const int Channels = 12;
    private const int PostsPerChannel = 6;

    [Fact]
    public async Task Two_delivery_loops_on_one_outbox_deliver_each_item_once_in_channel_order()
    {
        var (database, firstStore, secondStore) = await TwoInstancesAsync();
        var items = Enumerable.Range(1, Channels)
            .SelectMany(c => Enumerable.Range(0, PostsPerChannel).Select(i => Item(Channel($"C{c:D2}"), i)))
            .ToArray();
        await firstStore.EnqueueAsync(items, CancellationToken.None);

        var race = new DeliveryRace();
        await RunTwoLoopsAsync(race, [firstStore, secondStore], racer => new DeliveryRace.HoldingPoster(race, racer), async () =>
        {
            await race.WaitUntilAsync(() => race.Deliveries.Count == items.Length, TimeSpan.FromSeconds(60), "every item delivered");
            // Every item is recorded as delivered, so no loop has anything left that it could send again.
            await WaitForAllDeliveredAsync(database, items.Length);
        });

        var twice = race.Deliveries.Where(d => d.Value != 1).Select(d => $"{d.Key} x{d.Value}").ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} items delivered more than once: {string.Join(", ", twice.Take(10))}");
        Assert.Equal(items.Select(i => i.Id).Order(StringComparer.Ordinal), race.Deliveries.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(race.Violations);
        var expected = items.GroupBy(i => i.Channel.Key).ToDictionary(g => g.Key, g => g.Select(i => i.Id).ToList());
        var started = race.StartedPerChannel;
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), started.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, channel => Assert.Equal(channel.Value, started[channel.Key]));
    }

    [Fact]
    public async Task A_delivery_that_outlasts_the_lease_keeps_it_and_is_not_handed_to_the_other_instance()
    {
        // A platform that hangs for four lease lengths, as a slow Slack can outlast the 2-minute default; the other loop
        // looks every third of a lease meanwhile. Without renewal it takes the item once the lease lapses and posts it
        // again (checked by removing the dispatcher's renewal).
        var lease = TimeSpan.FromMilliseconds(600);
        var (database, firstStore, secondStore) = await TwoInstancesAsync(lease);
        var item = Item(Channel("C01"), 0);
        await firstStore.EnqueueAsync([item], CancellationToken.None);

        var race = new DeliveryRace();
        var deliveries = new ConcurrentDictionary<string, int>();
        await RunTwoLoopsAsync(
            race,
            [firstStore, secondStore],
            racer => new SlowPoster(race, race.Racers[1 - racer.Index], lease * 4, deliveries),
            () => WaitForAllDeliveredAsync(database, 1));

        Assert.Equal(1, deliveries[item.Id]);
    }

    /// <summary>
    /// Runs a real delivery loop per racer of <paramref name="race"/>, each on its own store instance of
    /// <paramref name="stores"/> (the racer's index) with the poster <paramref name="poster"/> makes for it, until
    /// <paramref name="until"/> completes; then stops both loops and waits for them to end.
    /// </summary>
    private static async Task RunTwoLoopsAsync(DeliveryRace race, IOutboxStore[] stores, Func<DeliveryRace.Racer, IChannelPoster> poster, Func<Task> until)
    {
        using var stop = new CancellationTokenSource();
        var loops = race.Racers.Select(racer => new OutboxDispatcher(
                new DeliveryRace.ObservedOutbox(stores[racer.Index], race, racer),
                [poster(racer)],
                racer.Signal,
                TimeProvider.System,
                NullLogger<OutboxDispatcher>.Instance)
            .RunAsync(stop.Token))
            .ToArray();
        try
        {
            await until();
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(loops);
        }
    }

    /// <summary>
    /// A platform slower than the lease: it holds each post for <paramref name="hold"/>, then until the other loop has
    /// looked at the outbox once more, so that loop has seen the outbox after the lease would have lapsed.
    /// </summary>
    private sealed class SlowPoster(DeliveryRace race, DeliveryRace.Racer other, TimeSpan hold, ConcurrentDictionary<string, int> deliveries) : IChannelPoster
    {
        public ChatPlatform Platform => ChatPlatform.Slack;

        public bool IsConfigured => true;

        public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
        {
            deliveries.AddOrUpdate(item.Id, 1, (_, n) => n + 1);
            await Task.Delay(hold, cancellationToken);
            var lapsed = race.Tick();
            await race.WaitUntilAsync(() => other.LastLookStartedAt > lapsed, TimeSpan.FromSeconds(30), "the other loop looked after the lease would have lapsed");
            return DeliveryResult.Delivered;
        }
    }

    private static Task WaitForAllDeliveredAsync(string database, int count) =>
        WaitForAsync(database, "SELECT count(*) FROM outbox WHERE state = 'Delivered' AND leased_by IS NULL", delivered => delivered >= count);

    private static OutboxItem Item(ChannelRef channel, int index) => new()
    {
        Id = OutboxItem.MakeId(channel, "race", index),
        Post = new AnnouncementPost(channel, ChatText.Of($"post {index}")),
        IncidentId = "inc",
        EnqueuedAt = T0,
        NextAttemptAt = T0,
    };
}
