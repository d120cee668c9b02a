using ScribeBot.Core.Storage;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres;

/// <summary>
/// The <see cref="IProcessedRequests"/> port on <c>processed_requests</c>, shared by every instance: an event Slack
/// retries to another instance is seen as handled there. The key is the primary key, so two instances marking one
/// key at once store one row (<c>ON CONFLICT DO NOTHING</c>). Keys past <see cref="IProcessedRequests.Expiry"/> are
/// deleted every <see cref="SweepEvery"/>th mark, so the table stays about an hour of traffic without a worker.
/// </summary>
internal sealed partial class PostgresIncidentStore : IProcessedRequests
{
    private const int SweepEvery = 256;
    private int _marks;

    public Task<bool> WasProcessedAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            async c => (await ListAsync(
                c,
                null,
                "SELECT EXISTS (SELECT 1 FROM processed_requests WHERE request_key = @key AND processed_at > @since)",
                r => r.GetBoolean(0),
                cancellationToken,
                Parameter("key", key),
                Parameter("since", (now - IProcessedRequests.Expiry).ToUniversalTime())).ConfigureAwait(false))[0],
            cancellationToken);

    public Task<bool> TryMarkAsync(string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                var utc = at.ToUniversalTime();
                if (Interlocked.Increment(ref _marks) % SweepEvery == 0)
                {
                    await ListAsync(
                        connection, transaction, "DELETE FROM processed_requests WHERE processed_at <= @before RETURNING 1", r => 1,
                        cancellationToken, Parameter("before", utc - IProcessedRequests.Expiry)).ConfigureAwait(false);
                }

                // An expired key is marked afresh (counted as the first time), as the in-memory set forgets it.
                var marked = await ListAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO processed_requests (request_key, processed_at) VALUES (@key, @at)
                    ON CONFLICT (request_key) DO UPDATE SET processed_at = excluded.processed_at
                    WHERE processed_requests.processed_at <= @expired
                    RETURNING 1
                    """,
                    r => 1,
                    cancellationToken,
                    Parameter("key", key),
                    Parameter("at", utc),
                    Parameter("expired", utc - IProcessedRequests.Expiry)).ConfigureAwait(false);
                return marked.Count == 1;
            },
            cancellationToken);
}
