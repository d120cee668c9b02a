using ScribeBot.Core.Storage;

namespace ScribeBot.Slack.Endpoint;

/// <summary>
/// The <c>event_id</c>s handled recently, so a retried delivery (<c>X-Slack-Retry-Num</c>) or a duplicate is
/// answered without doing the work again: kept by <see cref="IProcessedRequests"/>, in this process for a host that
/// runs alone, in the database when several instances share one (an event retried to another instance is seen there).
/// Only a saving, not the guarantee: the core's operations are idempotent by message id, so an event that slips past
/// (past the expiry, two deliveries at once) is still recorded once. That is also why an id is marked only after its
/// work committed: a delivery that failed must be processed when Slack retries.
/// </summary>
internal sealed class SlackEventDeduplicator(IProcessedRequests processed, TimeProvider time)
{
    public Task<bool> WasHandledAsync(string eventId, CancellationToken cancellationToken) =>
        processed.WasProcessedAsync(Key(eventId), time.GetUtcNow(), cancellationToken);

    public Task MarkHandledAsync(string eventId, CancellationToken cancellationToken) =>
        processed.TryMarkAsync(Key(eventId), time.GetUtcNow(), cancellationToken);

    /// <summary>Namespaced, so another platform's ids can share the table.</summary>
    private static string Key(string eventId) => "slack-event:" + eventId;
}
