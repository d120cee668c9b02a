namespace ScribeBot.Core.Storage;

/// <summary>
/// Platform request ids already handled (a Slack <c>event_id</c>), so a retried or duplicated delivery is answered
/// without doing the work again. A saving, not the guarantee: the core's operations are idempotent by message id, so a
/// request that slips past (two deliveries at once, past <see cref="Expiry"/>) is still recorded once. Callers mark a
/// key only after its work committed, never before: a request whose work failed must be done when the platform retries
/// it (docs/decisions.md, "Outbox lease and shared deduplication").
/// </summary>
public interface IProcessedRequests
{
    /// <summary>Slack retries three times within about five minutes; an hour covers late duplicates too.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromHours(1);

    /// <summary>Whether <paramref name="key"/> was marked less than <see cref="Expiry"/> before <paramref name="now"/>.</summary>
    Task<bool> WasProcessedAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks <paramref name="key"/> handled at <paramref name="at"/>; true the first time, false when it already was.</summary>
    Task<bool> TryMarkAsync(string key, DateTimeOffset at, CancellationToken cancellationToken);
}
