using Npgsql;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Outbox;
using ScribeBot.Postgres.Documents;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres;

/// <summary>
/// The <see cref="IOutboxStore"/> port. A channel's queue is its pending items in <c>seq</c> order; its head is the
/// first. A delivery outcome is applied to the stored item by the item's own rule (<see cref="OutboxItem.Delivered"/>
/// and the others) under a row lock, so the document and its columns change together, and releases the item's lease.
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

    /// <summary>
    /// Leases the due heads to this instance and returns them. A head is taken when unleased, leased by this instance
    /// (renewed) or its lease has expired; a head another instance holds keeps its channel, since only heads are ever
    /// candidates. Rows another transaction is taking right now are skipped (<c>SKIP LOCKED</c>), and a row changed
    /// since the statement's snapshot is checked again once locked, so a head delivered meanwhile is not taken. The
    /// lease is counted on the database clock, the one clock every instance shares.
    /// </summary>
    public Task<IReadOnlyList<OutboxItem>> GetDueAsync(
        DateTimeOffset now, int max, IReadOnlyCollection<ChatPlatform> platforms, CancellationToken cancellationToken) =>
        OnConnectionAsync<IReadOnlyList<OutboxItem>>(
            async c =>
            {
                var leased = await ListAsync(
                    c,
                    null,
                    $"""
                    WITH taken AS (
                        SELECT o.id FROM outbox o JOIN ({Heads}) heads ON heads.seq = o.seq
                        WHERE heads.next_attempt_ticks <= @now AND o.state = 'Pending'
                          AND (o.leased_by IS NULL OR o.leased_by = @instance OR o.lease_until <= now())
                        ORDER BY o.seq LIMIT @max
                        FOR UPDATE OF o SKIP LOCKED)
                    UPDATE outbox SET leased_by = @instance, lease_until = now() + @lease
                    FROM taken WHERE outbox.id = taken.id
                    RETURNING outbox.seq, outbox.doc
                    """,
                    r => (Seq: r.GetInt64(0), Item: StoreJson.ToOutboxItem(r.GetString(1))),
                    cancellationToken,
                    Parameter("platforms", PlatformNames(platforms)),
                    Parameter("now", now.UtcTicks),
                    Parameter("max", Math.Max(0, max)),
                    Parameter("instance", InstanceId),
                    Parameter("lease", _outboxLease)).ConfigureAwait(false);
                return leased.OrderBy(l => l.Seq).Select(l => l.Item).ToArray();
            },
            cancellationToken);

    /// <summary>A third of the lease, at most five seconds: this instance renews its leases well before they expire.</summary>
    public TimeSpan? LookAgainAfter => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(5).Ticks, _outboxLease.Ticks / 3));

    /// <summary>
    /// Extends the leases this instance holds on <paramref name="ids"/> from now, on the database clock; an item it no
    /// longer holds (delivered, rescheduled, taken over after its lease expired) is left alone.
    /// </summary>
    public Task RenewLeasesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            async c =>
            {
                await using var renew = new NpgsqlCommand(
                    "UPDATE outbox SET lease_until = now() + @lease WHERE id = ANY(@ids) AND leased_by = @instance AND state = 'Pending'",
                    c);
                renew.Parameters.AddWithValue("ids", ids.ToArray());
                renew.Parameters.AddWithValue("instance", InstanceId);
                renew.Parameters.AddWithValue("lease", _outboxLease);
                return await renew.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
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

    /// <summary>
    /// Gives back the items this instance holds and has not finished, so another instance takes them at its next look
    /// (within <see cref="LookAgainAfter"/>) rather than after the lease runs out. Called when the host stops, after
    /// the outbox worker has stopped and recorded what the platforms answered; returns how many were released.
    /// </summary>
    internal Task<int> ReleaseLeasesAsync(CancellationToken cancellationToken) =>
        OnConnectionAsync(
            async c =>
            {
                await using var release = new NpgsqlCommand(
                    "UPDATE outbox SET leased_by = NULL, lease_until = NULL WHERE leased_by = @instance",
                    c);
                release.Parameters.AddWithValue("instance", InstanceId);
                return await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
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
                    UPDATE outbox SET state = @state, next_attempt_ticks = @next, delivered_ticks = @delivered, abandoned_ticks = @abandoned, doc = @doc,
                        leased_by = NULL, lease_until = NULL
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
