using ScribeBot.Core.Channels;

namespace ScribeBot.Core.Outbox;

/// <summary>
/// The durable outbox. Items are usually enqueued together with the change that caused them
/// (<see cref="Storage.IIncidentStore.SaveIncidentAsync"/>, <see cref="Storage.IIncidentStore.OpenIncidentAsync"/>);
/// an item whose id is already stored is ignored. Each channel's pending items form a queue in enqueue order: only
/// its oldest pending item (its head) is ever due, so posts reach a channel in the order they were written.
/// Updates to an unknown id do nothing.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Stores items that come with no incident change (the <c>timeline</c> and <c>postmortem</c> verbs).</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// Channel heads on <paramref name="platforms"/> whose <see cref="OutboxItem.NextAttemptAt"/> is at or before
    /// <paramref name="now"/>, oldest first, at most <paramref name="max"/> (so at most one item a channel).
    /// </summary>
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
}
