using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Outbox;

/// <summary>
/// The durable outbox. Items are usually enqueued together with the change that caused them
/// (<see cref="Storage.IIncidentStore.SaveIncidentAsync"/>, <see cref="Storage.IIncidentStore.OpenIncidentAsync"/>);
/// an item whose id is already stored is ignored. Each channel's pending items form a queue in enqueue order: only
/// its oldest pending item (its head) is ever due, so posts reach a channel in the order they were written.
/// Updates to an unknown id do nothing.
/// <para>
/// A store that several processes share leases what it hands out, so each item is delivered by one process: the heads
/// <see cref="GetDueAsync"/> returns are leased to this store instance (again on every call, which renews the lease),
/// a head leased by another live instance is not returned (and its channel yields nothing else, so order holds), and
/// <see cref="MarkDeliveredAsync"/>, <see cref="RescheduleAsync"/> and <see cref="AbandonAsync"/> release the lease. A
/// lease that is not released expires, so a dead instance's items go to a survivor. A store one process owns alone
/// (in memory, LiteDB) has nothing to lease and returns every head.
/// </para>
/// </summary>
public interface IOutboxStore
{
    /// <summary>Stores items that come with no incident change (the <c>timeline</c> and <c>postmortem</c> verbs).</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// Channel heads on <paramref name="platforms"/> whose <see cref="OutboxItem.NextAttemptAt"/> is at or before
    /// <paramref name="now"/>, oldest first, at most <paramref name="max"/> (so at most one item a channel).
    /// </summary>
    /// <remarks>A shared store leases the heads it returns (see the type's remarks); the caller delivers them at once.</remarks>
    Task<IReadOnlyList<OutboxItem>> GetDueAsync(
        DateTimeOffset now, int max, IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken);

    /// <summary>The earliest <see cref="OutboxItem.NextAttemptAt"/> of the channel heads on <paramref name="platforms"/>; null when none is pending.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken);

    /// <summary>Pending items per platform (for the start-up log: posts waiting for an adapter that is not configured).</summary>
    Task<IReadOnlyDictionary<ChatPlatform, int>> CountPendingAsync(CancellationToken cancellationToken);

    Task MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt: increments <see cref="OutboxItem.Attempts"/> and sets the next attempt.</summary>
    Task RescheduleAsync(string id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Gives up on the item after a last failed attempt (counted); it stays in the store, <see cref="OutboxState.Abandoned"/>.</summary>
    Task AbandonAsync(string id, string error, DateTimeOffset at, CancellationToken cancellationToken);

    Task<OutboxItem?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// For a store shared with other processes: how often the dispatcher looks again even when it was not signalled,
    /// because another instance's items become free (its lease expired) without this process hearing of it, and so
    /// its own leases on heads not yet due are renewed. Null (the default) for a store one process owns alone.
    /// </summary>
    TimeSpan? LookAgainAfter => null;

    /// <summary>
    /// For a store shared with other processes: extends this instance's leases on <paramref name="ids"/> (those it
    /// still holds and has not finished), so a delivery that takes longer than a lease (a slow platform, a draft in many
    /// parts) is not handed to another instance meanwhile. The dispatcher calls it every <see cref="LookAgainAfter"/>
    /// while deliveries are in flight. Nothing to do (the default) for a store one process owns alone.
    /// </summary>
    Task RenewLeasesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Task.CompletedTask;
}
