using Npgsql;
using ScribeBot.Core.Storage;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres;

/// <summary>
/// The <see cref="IRetentionStore"/> port. Finished posts go with the adapter records they own in one statement;
/// a purge removes each resolved incident with its entries, posts and their records in one transaction. The
/// workspace counters are never touched, so numbers are not given twice.
/// </summary>
internal sealed partial class PostgresIncidentStore : IRetentionStore
{
    private const string RemoveFinished = """
        WITH expired AS (
            SELECT id FROM outbox
            WHERE (state = 'Delivered' AND delivered_ticks < @delivered) OR (state = 'Abandoned' AND abandoned_ticks < @abandoned)
            ORDER BY seq LIMIT @max FOR UPDATE SKIP LOCKED),
        gone AS (DELETE FROM outbox o USING expired e WHERE o.id = e.id RETURNING o.id, o.state),
        records AS (DELETE FROM adapter_state s USING gone g WHERE s.owner_item_id = g.id RETURNING 1)
        SELECT (SELECT count(*) FROM gone WHERE state = 'Delivered'), (SELECT count(*) FROM gone WHERE state = 'Abandoned'),
            (SELECT count(*) FROM records)
        """;

    // Counts for resolved incidents only: open ones are never purged, the plan only says how many stay.
    private const string PurgeCandidates = """
        SELECT i.id, i.workspace_key, i.is_open, i.declared_ticks,
            CASE WHEN i.is_open THEN 0 ELSE (SELECT count(*) FROM entries e WHERE e.incident_id = i.id) END,
            CASE WHEN i.is_open THEN 0 ELSE (SELECT count(*) FROM outbox o WHERE o.incident_id = i.id) END
        FROM incidents i WHERE i.declared_ticks < @before
        """;

    private const string PurgeOne = """
        WITH incident AS (DELETE FROM incidents WHERE id = @id AND NOT is_open AND declared_ticks < @before RETURNING id),
        entries_gone AS (DELETE FROM entries e USING incident i WHERE e.incident_id = i.id RETURNING 1),
        posts_gone AS (DELETE FROM outbox o USING incident i WHERE o.incident_id = i.id RETURNING o.id),
        records_gone AS (DELETE FROM adapter_state s USING posts_gone p WHERE s.owner_item_id = p.id RETURNING 1)
        SELECT (SELECT count(*) FROM incident), (SELECT count(*) FROM entries_gone), (SELECT count(*) FROM posts_gone),
            (SELECT count(*) FROM records_gone)
        """;

    public Task<RemovedPosts> RemoveFinishedPostsAsync(
        DateTimeOffset deliveredBefore, DateTimeOffset abandonedBefore, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return OnConnectionAsync(
            async c =>
            {
                var removed = await ListAsync(
                    c,
                    null,
                    RemoveFinished,
                    r => new RemovedPosts((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2)),
                    cancellationToken,
                    Parameter("delivered", deliveredBefore.UtcTicks),
                    Parameter("abandoned", abandonedBefore.UtcTicks),
                    Parameter("max", max)).ConfigureAwait(false);
                return removed[0];
            },
            cancellationToken);
    }

    public Task<PurgePlan> PlanPurgeAsync(DateTimeOffset declaredBefore, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            async c =>
            {
                var candidates = await ListAsync(
                    c,
                    null,
                    PurgeCandidates,
                    r => new Candidate(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetInt64(3), new PurgeTally(1, (int)r.GetInt64(4), (int)r.GetInt64(5))),
                    cancellationToken,
                    Parameter("before", declaredBefore.UtcTicks)).ConfigureAwait(false);
                var purged = candidates.Where(i => !i.IsOpen)
                    .OrderBy(i => i.DeclaredTicks).ThenBy(i => i.Id, StringComparer.Ordinal)
                    .Select(i => i.Id)
                    .ToArray();
                var workspaces = candidates
                    .GroupBy(i => i.WorkspaceKey, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new WorkspacePurge(
                        g.Key,
                        g.Where(i => !i.IsOpen).Aggregate(PurgeTally.None, (sum, i) => sum.Add(i.Tally)),
                        g.Count(i => i.IsOpen)))
                    .ToArray();
                return new PurgePlan(declaredBefore, purged, workspaces);
            },
            cancellationToken);

    public Task<PurgeTally> PurgeAsync(IReadOnlyList<string> incidentIds, DateTimeOffset declaredBefore, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                var removed = PurgeTally.None;
                foreach (var id in incidentIds.Distinct(StringComparer.Ordinal))
                {
                    await using var command = new NpgsqlCommand(PurgeOne, connection, transaction);
                    command.Parameters.AddWithValue("id", id);
                    command.Parameters.AddWithValue("before", declaredBefore.UtcTicks);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (reader.GetInt64(0) == 1)
                    {
                        removed = removed.Add(new PurgeTally(1, (int)reader.GetInt64(1), (int)reader.GetInt64(2)));
                    }
                }

                return removed;
            },
            cancellationToken);

    private sealed record Candidate(string Id, string WorkspaceKey, bool IsOpen, long DeclaredTicks, PurgeTally Tally);
}
