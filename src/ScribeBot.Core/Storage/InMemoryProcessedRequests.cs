namespace ScribeBot.Core.Storage;

/// <summary>
/// <see cref="IProcessedRequests"/> for a host that runs alone (LiteDB, in memory): the keys live in this process,
/// bounded in time and size so a busy workspace cannot grow them without limit, and are forgotten at a restart.
/// </summary>
public sealed class InMemoryProcessedRequests : IProcessedRequests
{
    /// <summary>Past this many keys, the oldest are dropped even if they have not expired.</summary>
    public const int Capacity = 50_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Expires)> _order = new();

    public Task<bool> WasProcessedAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_seen.TryGetValue(key, out var expires) && expires > now);
        }
    }

    public Task<bool> TryMarkAsync(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && (oldest.Expires <= at || _order.Count >= Capacity))
            {
                _order.Dequeue();
                // A re-marked key has a later expiry in the map; only drop the map entry this queue item stands for.
                if (_seen.TryGetValue(oldest.Key, out var current) && current == oldest.Expires)
                {
                    _seen.Remove(oldest.Key);
                }
            }

            var first = !(_seen.TryGetValue(key, out var expires) && expires > at);
            var until = at + IProcessedRequests.Expiry;
            _seen[key] = until;
            _order.Enqueue((key, until));
            return Task.FromResult(first);
        }
    }
}
