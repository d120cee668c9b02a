namespace ScribeBot.Slack.Endpoint;

/// <summary>
/// The <c>event_id</c>s handled recently, so a retried delivery (<c>X-Slack-Retry-Num</c>) or a duplicate is
/// answered without doing the work again. Only a saving, not the guarantee: the core's operations are idempotent by
/// message id (a second record is a duplicate, an edit or tag already applied changes nothing), so an event that
/// slips past this set (after a restart, past the expiry, two deliveries at once) is still recorded once. That is
/// also why an id is added only after its work committed: a delivery that failed must be processed when Slack retries.
/// Bounded in time and size so a busy workspace cannot grow it without limit.
/// </summary>
internal sealed class SlackEventDeduplicator(TimeProvider time)
{
    /// <summary>Slack retries three times within about five minutes; an hour covers late duplicates too.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromHours(1);

    /// <summary>Past this many ids, the oldest are dropped even if they have not expired.</summary>
    public const int Capacity = 50_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string EventId, DateTimeOffset Expires)> _order = new();

    public bool WasHandled(string eventId)
    {
        lock (_lock)
        {
            return _seen.TryGetValue(eventId, out var expires) && expires > time.GetUtcNow();
        }
    }

    public void MarkHandled(string eventId)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && (oldest.Expires <= now || _order.Count >= Capacity))
            {
                _order.Dequeue();
                // A re-marked id has a later expiry in the map; only drop the map entry this queue item stands for.
                if (_seen.TryGetValue(oldest.EventId, out var current) && current == oldest.Expires)
                {
                    _seen.Remove(oldest.EventId);
                }
            }

            var expires = now + Expiry;
            _seen[eventId] = expires;
            _order.Enqueue((eventId, expires));
        }
    }
}
