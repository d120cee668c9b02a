namespace ScribeBot.Testing.Storage;

/// <summary>
/// An outbox store that hands every call to <paramref name="inner"/>: a test's store derives from it and overrides only
/// the calls it watches or bends (records, holds, refuses), instead of forwarding the others by hand.
/// </summary>
public abstract class DelegatingOutboxStore(IOutboxStore inner) : IOutboxStore
{
    public virtual TimeSpan? LookAgainAfter => inner.LookAgainAfter;

    public virtual Task EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken) =>
        inner.EnqueueAsync(items, cancellationToken);

    public virtual Task<IReadOnlyList<OutboxItem>> GetDueAsync(
        DateTimeOffset now, int max, IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken) =>
        inner.GetDueAsync(now, max, platforms, cancellationToken);

    public virtual Task<DateTimeOffset?> NextDueAtAsync(IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken) =>
        inner.NextDueAtAsync(platforms, cancellationToken);

    public virtual Task<IReadOnlyDictionary<ChatPlatform, int>> CountPendingAsync(CancellationToken cancellationToken) =>
        inner.CountPendingAsync(cancellationToken);

    public virtual Task MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.MarkDeliveredAsync(id, at, cancellationToken);

    public virtual Task RescheduleAsync(string id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        inner.RescheduleAsync(id, nextAttemptAt, error, cancellationToken);

    public virtual Task AbandonAsync(string id, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        inner.AbandonAsync(id, error, at, cancellationToken);

    public virtual Task<OutboxItem?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public virtual Task RenewLeasesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        inner.RenewLeasesAsync(ids, cancellationToken);
}
