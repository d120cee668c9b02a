using ScribeBot.Core.Commands;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Text;

namespace ScribeBot.Postgres.Tests.Postgres;

/// <summary>
/// Two store instances on one database, as two hosts delivering one outbox: an item is handed to one instance at a
/// time, a dead instance's items go to the survivor once its lease expires, and each channel's order holds across them.
/// </summary>
public sealed class OutboxLeaseTests(PostgresFixture postgres) : PostgresStoreTestBase(postgres)
{
    private static readonly ChatPlatform[] Slack = [ChatPlatform.Slack];

    [Fact]
    public async Task Two_instances_taking_heads_at_once_never_get_the_same_item()
    {
        var (_, first, second) = await TwoInstancesAsync();
        const int Channels = 60;
        await first.EnqueueAsync([.. Enumerable.Range(1, Channels).Select(i => Item(Channel($"C{i}"), "r"))], None);

        // Many rounds at once from both: each takes what the other has not; together they take every head once.
        var rounds = Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => (i % 2 == 0 ? first : second).GetDueAsync(DateTimeOffset.MaxValue, 5, Slack, None)))
            .ToArray();
        var firstIds = new HashSet<string>();
        var secondIds = new HashSet<string>();
        for (var i = 0; i < rounds.Length; i++)
        {
            foreach (var item in await rounds[i])
            {
                (i % 2 == 0 ? firstIds : secondIds).Add(item.Id);
            }
        }

        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.NotEmpty(firstIds);
        Assert.NotEmpty(secondIds);

        // Asked for every head, each gets what it holds again (renewed) and the first whatever nobody held; the two
        // never overlap and together cover every channel.
        var firstNow = (await first.GetDueAsync(DateTimeOffset.MaxValue, int.MaxValue, Slack, None)).Select(i => i.Id).ToHashSet();
        var secondNow = (await second.GetDueAsync(DateTimeOffset.MaxValue, int.MaxValue, Slack, None)).Select(i => i.Id).ToHashSet();
        Assert.Empty(firstNow.Intersect(secondNow));
        Assert.Subset(firstNow, firstIds);
        Assert.Equal(secondIds, secondNow);
        Assert.Equal(Channels, firstNow.Count + secondNow.Count);
    }

    [Fact]
    public async Task An_instance_gets_its_own_heads_again_and_releases_them_when_it_records_the_outcome()
    {
        var (_, first, second) = await TwoInstancesAsync();
        var channel = Channel("C1");
        var failing = Item(channel, "a");
        await first.EnqueueAsync([failing], None);

        Assert.Single(await first.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None));
        Assert.Single(await first.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None));
        Assert.Empty(await second.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None));

        await first.RescheduleAsync(failing.Id, T0.AddMinutes(1), "503", None);

        Assert.Equal([failing.Id], (await second.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None)).Select(i => i.Id));
        Assert.Empty(await first.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None));
    }

    [Fact]
    public async Task A_head_leased_by_an_instance_that_stopped_goes_to_the_other_once_the_lease_expires()
    {
        var database = await NewDatabaseAsync();
        var lease = TimeSpan.FromMilliseconds(300);
        var dead = await StoreFactory.OpenAsync(database, outboxLease: lease);
        var survivor = await OpenStoreAsync(database, lease);
        var item = Item(Channel("C1"), "a");
        await dead.EnqueueAsync([item], None);
        Assert.Single(await dead.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None));

        // Stopped without releasing anything, as a killed host.
        await dead.DisposeAsync();
        var taken = await survivor.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None);
        Assert.Empty(taken);

        var deadline = Stopwatch.StartNew();
        while (taken.Count == 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "The survivor never took the expired head.");
            await Task.Delay(50);
            taken = await survivor.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None);
        }

        Assert.Equal([item.Id], taken.Select(i => i.Id));
        Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_channel_whose_head_another_instance_holds_yields_nothing_and_order_holds_across_instances()
    {
        var (_, first, second) = await TwoInstancesAsync();
        var channel = Channel("C1");
        var items = Enumerable.Range(0, 6).Select(i => Item(channel, "r", i)).ToArray();
        await first.EnqueueAsync(items, None);

        // The instances alternate taking the channel's head: each is delivered strictly after the one before.
        var delivered = new List<string>();
        var stores = new[] { first, second };
        for (var round = 0; delivered.Count < items.Length; round++)
        {
            Assert.True(round < 20);
            var taker = stores[round % 2];
            var other = stores[(round + 1) % 2];
            var head = Assert.Single(await taker.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None));
            Assert.Empty(await other.GetDueAsync(DateTimeOffset.MaxValue, 10, Slack, None));
            await taker.MarkDeliveredAsync(head.Id, T0, None);
            delivered.Add(head.Id);
        }

        Assert.Equal(items.Select(i => i.Id), delivered);
    }

    private static OutboxItem Item(ChannelRef channel, string requestId, int index = 0) => new()
    {
        Id = OutboxItem.MakeId(channel, requestId, index),
        Post = new AnnouncementPost(channel, ChatText.Of($"post {requestId}/{index}")),
        IncidentId = "inc",
        EnqueuedAt = T0,
        NextAttemptAt = T0,
    };
}
