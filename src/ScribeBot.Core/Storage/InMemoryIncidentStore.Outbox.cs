using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Storage;

/// <summary>The in-memory <see cref="IOutboxStore"/> and <see cref="IAdapterStateStore"/>: the same lock, the same rules.</summary>
public sealed partial class InMemoryIncidentStore
{
    public Task EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            EnqueueLocked(items);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxItem>> GetDueAsync(
        DateTimeOffset now, int max, IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<OutboxItem> due = ChannelHeads(platforms).Where(i => i.NextAttemptAt <= now).Take(max).ToArray();
            return Task.FromResult(due);
        }
    }

    public Task<DateTimeOffset?> NextDueAtAsync(IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var heads = ChannelHeads(platforms).ToArray();
            return Task.FromResult(heads.Length == 0 ? (DateTimeOffset?)null : heads.Min(i => i.NextAttemptAt));
        }
    }

    public Task<IReadOnlyDictionary<ChatPlatform, int>> CountPendingAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyDictionary<ChatPlatform, int> counts = _outbox
                .Where(i => i.State == OutboxState.Pending)
                .GroupBy(i => i.Channel.Platform)
                .ToDictionary(g => g.Key, g => g.Count());
            return Task.FromResult(counts);
        }
    }

    public Task MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateOutbox(id, i => i.Delivered(at));

    public Task RescheduleAsync(string id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        UpdateOutbox(id, i => i.AttemptFailed(nextAttemptAt, error));

    public Task AbandonAsync(string id, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateOutbox(id, i => i.Abandoned(error, at));

    public Task<OutboxItem?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_outboxIndex.TryGetValue(id, out var index) ? _outbox[index] : null);
        }
    }

    public Task<string?> GetStateAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            return Task.FromResult(_adapterState.GetValueOrDefault(key));
        }
    }

    public Task SetStateAsync(string key, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            _adapterState[key] = value;
            _adapterStateOwners.Remove(key);
        }

        return Task.CompletedTask;
    }

    public Task SetItemStateAsync(string outboxItemId, string key, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxItemId);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            _adapterState[key] = value;
            _adapterStateOwners[key] = outboxItemId;
        }

        return Task.CompletedTask;
    }

    /// <summary>The oldest pending item of each channel on the platforms, oldest first.</summary>
    private IEnumerable<OutboxItem> ChannelHeads(IReadOnlyCollection<ChatPlatform> platforms) =>
        _outbox
            .Where(i => i.State == OutboxState.Pending && platforms.Contains(i.Channel.Platform))
            .DistinctBy(i => i.Channel.Key);

    private Task UpdateOutbox(string id, Func<OutboxItem, OutboxItem> change)
    {
        lock (_lock)
        {
            if (_outboxIndex.TryGetValue(id, out var index))
            {
                _outbox[index] = change(_outbox[index]);
            }
        }

        return Task.CompletedTask;
    }

    private void EnqueueLocked(IReadOnlyList<OutboxItem> items)
    {
        foreach (var item in items)
        {
            if (_outboxIndex.TryAdd(item.Id, _outbox.Count))
            {
                _outbox.Add(item);
            }
        }
    }
}
