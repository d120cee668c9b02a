using LiteDB;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Outbox;
using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb;

/// <summary>
/// The <see cref="IOutboxStore"/> port. Items also arrive inside the incident writes that carry them
/// (<see cref="OpenIncidentAsync"/>, <see cref="SaveIncidentAsync"/>), in the same transaction.
/// </summary>
internal sealed partial class LiteDbIncidentStore : IOutboxStore
{
    public Task EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session =>
            {
                session.Enqueue(items);
                return true;
            },
            cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> GetDueAsync(
        DateTimeOffset now, int max, IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            IReadOnlyList<OutboxItem> due = _file.Schema.OutboxHeads(platforms)
                .Where(doc => OutboxMapping.NextAttemptOf(doc) <= now)
                .Take(max)
                .Select(OutboxMapping.FromDocument)
                .ToArray();
            return due;
        }, cancellationToken);

    public Task<DateTimeOffset?> NextDueAtAsync(IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var heads = _file.Schema.OutboxHeads(platforms).Select(OutboxMapping.NextAttemptOf).ToArray();
            return heads.Length == 0 ? (DateTimeOffset?)null : heads.Min();
        }, cancellationToken);

    public Task<IReadOnlyDictionary<ChatPlatform, int>> CountPendingAsync(CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            IReadOnlyDictionary<ChatPlatform, int> counts = Enum.GetValues<ChatPlatform>()
                .Select(p => (Platform: p, Count: _file.Schema.Outbox.Count(Query.EQ(OutboxMapping.PendingPlatformField, p.ToString()))))
                .Where(c => c.Count > 0)
                .ToDictionary(c => c.Platform, c => c.Count);
            return counts;
        }, cancellationToken);

    public Task MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(id, i => i.Delivered(at), cancellationToken);

    public Task RescheduleAsync(string id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(id, i => i.AttemptFailed(nextAttemptAt, error), cancellationToken);

    public Task AbandonAsync(string id, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(id, i => i.Abandoned(error, at), cancellationToken);

    public Task<OutboxItem?> GetAsync(string id, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var doc = _file.Schema.Outbox.FindById(id);
            return doc is null ? null : OutboxMapping.FromDocument(doc);
        }, cancellationToken);

    private Task<bool> UpdateOutboxAsync(string id, Func<OutboxItem, OutboxItem> change, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session =>
            {
                session.UpdateOutbox(id, change);
                return true;
            },
            cancellationToken);
}
