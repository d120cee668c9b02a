using Npgsql;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Outbox;
using ScribeBot.Postgres.Documents;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres;

/// <summary>
/// The <see cref="IOutboxStore"/> port. A channel's queue is its pending items in <c>seq</c> order; its head is the
/// first. A delivery outcome is applied to the stored item by the item's own rule (<see cref="OutboxItem.Delivered"/>
/// and the others) under a row lock, so the document and its columns change together.
/// </summary>
internal sealed partial class PostgresIncidentStore : IOutboxStore
{
    private const string Heads = """
        SELECT DISTINCT ON (channel_key) seq, next_attempt_ticks, doc FROM outbox
        WHERE state = 'Pending' AND platform = ANY(@platforms)
        ORDER BY channel_key, seq
        """;

    public Task EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                await Rows.EnqueueAsync(connection, transaction, items, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public Task<IReadOnlyList<OutboxItem>> GetDueAsync(
        DateTimeOffset now, int max, IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken) =>
        OnConnectionAsync<IReadOnlyList<OutboxItem>>(
            async c => await ListAsync(
                c,
                null,
                $"SELECT doc FROM ({Heads}) heads WHERE next_attempt_ticks <= @now ORDER BY seq LIMIT @max",
                r => StoreJson.ToOutboxItem(r.GetString(0)),
                cancellationToken,
                Parameter("platforms", PlatformNames(platforms)),
                Parameter("now", now.UtcTicks),
                Parameter("max", Math.Max(0, max))).ConfigureAwait(false),
            cancellationToken);

    public Task<DateTimeOffset?> NextDueAtAsync(IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            async c =>
            {
                var next = await ListAsync(
                    c,
                    null,
                    $"SELECT min(next_attempt_ticks) FROM ({Heads}) heads",
                    r => r.IsDBNull(0) ? (long?)null : r.GetInt64(0),
                    cancellationToken,
                    Parameter("platforms", PlatformNames(platforms))).ConfigureAwait(false);
                return next[0] is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : (DateTimeOffset?)null;
            },
            cancellationToken);

    public Task<IReadOnlyDictionary<ChatPlatform, int>> CountPendingAsync(CancellationToken cancellationToken) =>
        OnConnectionAsync<IReadOnlyDictionary<ChatPlatform, int>>(
            async c =>
            {
                var counts = await ListAsync(
                    c,
                    null,
                    "SELECT platform, count(*) FROM outbox WHERE state = 'Pending' GROUP BY platform",
                    r => (Platform: Enum.Parse<ChatPlatform>(r.GetString(0)), Count: (int)r.GetInt64(1)),
                    cancellationToken).ConfigureAwait(false);
                return counts.ToDictionary(p => p.Platform, p => p.Count);
            },
            cancellationToken);

    public Task MarkDeliveredAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(id, i => i.Delivered(at), cancellationToken);

    public Task RescheduleAsync(string id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(id, i => i.AttemptFailed(nextAttemptAt, error), cancellationToken);

    public Task AbandonAsync(string id, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(id, i => i.Abandoned(error, at), cancellationToken);

    public Task<OutboxItem?> GetAsync(string id, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            c => FirstOrDefaultAsync(
                c, null, "SELECT doc FROM outbox WHERE id = @id", r => StoreJson.ToOutboxItem(r.GetString(0)), cancellationToken, Parameter("id", id)),
            cancellationToken);

    private Task<bool> UpdateOutboxAsync(string id, Func<OutboxItem, OutboxItem> change, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                var stored = await FirstOrDefaultAsync(
                    connection, transaction, "SELECT doc FROM outbox WHERE id = @id FOR UPDATE", r => StoreJson.ToOutboxItem(r.GetString(0)),
                    cancellationToken, Parameter("id", id)).ConfigureAwait(false);
                if (stored is null)
                {
                    return false;
                }

                await using var update = new NpgsqlCommand(
                    """
                    UPDATE outbox SET state = @state, next_attempt_ticks = @next, delivered_ticks = @delivered, abandoned_ticks = @abandoned, doc = @doc
                    WHERE id = @id
                    """,
                    connection,
                    transaction);
                update.Parameters.AddWithValue("id", id);
                Rows.AddOutboxState(update.Parameters, change(stored));
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private static string[] PlatformNames(IReadOnlyCollection<ChatPlatform> platforms) => platforms.Select(p => p.ToString()).ToArray();
}
