using ScribeBot.Testing.Storage;
using static ScribeBot.Core.Tests.Outbox.DispatcherTestBed;

namespace ScribeBot.Core.Tests.Outbox;

/// <summary>
/// On a store shared with other instances, an item can become this instance's without a signal here (the instance
/// that held it died and its lease expired): the dispatcher must look again after the store's interval, not sleep
/// until the next local enqueue.
/// </summary>
public sealed class OutboxDispatcherSharedStoreTests
{
    [Fact]
    public async Task With_nothing_to_take_the_dispatcher_looks_again_after_the_stores_interval_and_delivers_what_became_free()
    {
        await using var bed = new DispatcherTestBed();
        var store = new HeldElsewhere(bed.Store, TimeSpan.FromSeconds(5));
        var poster = new FakePoster(ChatPlatform.Slack, bed.Clock);
        var item = bed.Item(C1, "r1");
        await bed.Store.EnqueueAsync([item], CancellationToken.None);
        bed.Start(store, poster);

        // Another instance holds the item: nothing to take, so a sleep of the store's interval, not an endless one.
        Assert.Equal(TimeSpan.FromSeconds(5), await bed.NextSleepAsync());
        Assert.Empty(poster.Attempts);

        store.Released = true;
        bed.Clock.Advance(TimeSpan.FromSeconds(5));
        await bed.NextSleepAsync();

        Assert.Equal([item.Id], poster.Attempts.Select(a => a.Id));
    }

    [Fact]
    public async Task A_delivery_in_flight_has_its_lease_renewed_every_interval_and_not_once_it_has_ended()
    {
        await using var bed = new DispatcherTestBed();
        var store = new HeldElsewhere(bed.Store, TimeSpan.FromSeconds(5)) { Released = true };
        var poster = new HeldPoster();
        var item = bed.Item(C1, "slow");
        await bed.Store.EnqueueAsync([item], CancellationToken.None);
        bed.Start(store, poster);

        // The platform is slow: the delivery is in flight, and the dispatcher waits one interval to renew its lease.
        await poster.Started.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(5), await bed.NextSleepAsync());
        Assert.Empty(store.Renewals);

        bed.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), await bed.NextSleepAsync());
        bed.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), await bed.NextSleepAsync());
        Assert.Equal([[item.Id], [item.Id]], store.Renewals);

        // Delivered: the round ends, the next finds nothing due and sleeps; time passing renews nothing more.
        poster.Finish();
        Assert.Equal(TimeSpan.FromSeconds(5), await bed.NextSleepAsync());
        bed.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), await bed.NextSleepAsync());
        Assert.Equal(2, store.Renewals.Count);
        Assert.Equal(OutboxState.Delivered, (await bed.Store.GetAsync(item.Id, CancellationToken.None))!.State);
    }

    /// <summary>A platform that takes a post only when the test says so.</summary>
    private sealed class HeldPoster : IChannelPoster
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ChatPlatform Platform => ChatPlatform.Slack;

        public bool IsConfigured => true;

        public Task Started => _started.Task;

        public void Finish() => _finish.TrySetResult();

        public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            await _finish.Task.WaitAsync(cancellationToken);
            return DeliveryResult.Delivered;
        }
    }

    /// <summary>The in-memory store as a shared one whose items another instance holds until <see cref="Released"/>.</summary>
    private sealed class HeldElsewhere(InMemoryIncidentStore inner, TimeSpan lookAgainAfter) : DelegatingOutboxStore(inner)
    {
        public volatile bool Released;

        public override TimeSpan? LookAgainAfter => lookAgainAfter;

        /// <summary>The ids of every lease renewal asked for, in order.</summary>
        public List<string[]> Renewals { get; } = [];

        public override Task RenewLeasesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
        {
            lock (Renewals)
            {
                Renewals.Add([.. ids]);
            }

            return Task.CompletedTask;
        }

        public override async Task<IReadOnlyList<OutboxItem>> GetDueAsync(
            DateTimeOffset now, int max, IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken) =>
            Released ? await base.GetDueAsync(now, max, platforms, cancellationToken) : [];
    }
}
