using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage.Transfer;
using ScribeBot.Postgres.Documents;
using ScribeBot.Postgres.Migrations;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres.Transfer;

/// <summary>
/// Writes what another store holds into this database (<c>migrate-store</c>), a page per transaction. Every row is
/// keyed by the id it had (incident id; incident and message id; outbox item id; adapter key) and inserted only when
/// absent, so a second copy writes nothing and a copy cut short is finished by running it again. What this schema
/// derives (an incident's measure and phase columns, each channel's latest incident, the queue order) is computed
/// here from the copied rows, not copied.
/// </summary>
public sealed class PostgresImport : IAsyncDisposable
{
    private const string InsertEntry = """
        INSERT INTO entries (incident_id, message_id, seq, at_ticks, doc) OVERRIDING SYSTEM VALUE
        VALUES (@incident, @message, @seq, @at, @doc)
        ON CONFLICT (incident_id, message_id) DO NOTHING
        """;

    // The entries' arrival numbers came from the other store; entries this database numbers later must come after them.
    private const string AdvanceEntrySequence = """
        SELECT setval(s, GREATEST((SELECT coalesce(max(seq), 0) FROM entries), nextval(s)))
        FROM (SELECT pg_get_serial_sequence('entries', 'seq')::regclass AS s) AS sequence
        """;

    private const string StoredIncidents = "SELECT id, channel_key, number, declared_ticks FROM incidents WHERE id = ANY(@ids)";

    private const string DifferingIncidents = """
        SELECT count(*) FROM unnest(@ids, @docs) AS s(id, doc) JOIN incidents i ON i.id = s.id WHERE i.doc <> s.doc::jsonb
        """;

    private const string InsertAdapterRecord = """
        INSERT INTO adapter_state (key_sha256, key, value, owner_item_id) VALUES (@hash, @key, @value, @owner)
        ON CONFLICT (key_sha256) DO NOTHING
        """;

    // Never lowered: numbers this database gave (or purged) stay given.
    private const string RaiseCounters = """
        INSERT INTO workspace_counters (workspace_key, last_number)
        SELECT s.workspace_key, GREATEST(s.last_number, coalesce((SELECT max(i.number) FROM incidents i WHERE i.workspace_key = s.workspace_key), 0))
        FROM unnest(@workspaces, @numbers) AS s(workspace_key, last_number)
        ON CONFLICT (workspace_key) DO UPDATE SET last_number = excluded.last_number
        WHERE workspace_counters.last_number < excluded.last_number
        RETURNING workspace_key
        """;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresImport(NpgsqlDataSource dataSource, int schemaVersion)
    {
        _dataSource = dataSource;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The schema version the database is at, after the pending migrations were applied.</summary>
    public int SchemaVersion { get; }

    /// <summary>Connects and applies the pending migrations, as a starting host would.</summary>
    /// <exception cref="SchemaTooNewException">A newer ScribeBot migrated the database.</exception>
    /// <exception cref="NpgsqlException">The server could not be reached, or refused the login.</exception>
    public static async Task<PostgresImport> OpenAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var dataSource = PostgresConnections.Build(connectionString);
        try
        {
            var migration = await new SchemaMigrator(dataSource, logger).MigrateAsync(Migration.Embedded, cancellationToken).ConfigureAwait(false);
            return new PostgresImport(dataSource, migration.Version);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The first of <paramref name="incidents"/> whose id the database holds for a different incident, if any.</summary>
    public async Task<IncidentConflict?> FindConflictAsync(IReadOnlyList<Incident> incidents, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var stored = await ListAsync(
            connection,
            null,
            StoredIncidents,
            r => (Id: r.GetString(0), Channel: r.GetString(1), Number: r.GetInt32(2), Declared: r.GetInt64(3)),
            cancellationToken,
            Parameter("ids", incidents.Select(i => i.Id).ToArray())).ConfigureAwait(false);
        var byId = incidents.ToDictionary(i => i.Id, StringComparer.Ordinal);
        return stored
            .Where(s => byId[s.Id] is var copied
                && (copied.Channel.Key != s.Channel || copied.Number != s.Number || copied.Declared.At.UtcTicks != s.Declared))
            .Select(s => new IncidentConflict(s.Id, s.Channel, byId[s.Id].Channel.Key))
            .FirstOrDefault();
    }

    /// <summary>
    /// Copies the entries of one page, keeping their arrival numbers (the tie-break of equal instants), in one
    /// transaction. Copy entries before their incidents: <see cref="CopyIncidentsAsync"/> computes each incident's
    /// phases from the entries it finds.
    /// </summary>
    public Task<CopyTally> CopyEntriesAsync(IReadOnlyList<ArrivedEntry> entries, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var (entry, arrival) in entries)
                {
                    var command = new NpgsqlBatchCommand(InsertEntry);
                    command.Parameters.AddWithValue("incident", entry.IncidentId);
                    command.Parameters.AddWithValue("message", entry.MessageId);
                    command.Parameters.AddWithValue("seq", arrival);
                    command.Parameters.AddWithValue("at", entry.At.UtcTicks);
                    command.Parameters.Add(Rows.Json("doc", StoreJson.Serialize(entry)));
                    batch.BatchCommands.Add(command);
                }

                var copied = entries.Count == 0 ? 0 : await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await using var advance = new NpgsqlCommand(AdvanceEntrySequence, connection, transaction);
                await advance.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                return CopyTally.Of(entries.Count, copied);
            },
            cancellationToken);

    /// <summary>
    /// Copies one page of incidents in one transaction and computes the phase columns of every incident of the page
    /// from the entries stored for it (also of those already here: a copy cut short may have added entries since).
    /// <see cref="IncidentCopy.Differing"/> counts incidents already here whose stored document differs from the copy's:
    /// changed on one side after an earlier copy, and left as the database has it.
    /// </summary>
    public Task<IncidentCopy> CopyIncidentsAsync(IReadOnlyList<Incident> incidents, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                if (incidents.Count == 0)
                {
                    return new IncidentCopy(CopyTally.None, 0);
                }

                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var incident in incidents)
                {
                    var command = new NpgsqlBatchCommand(Rows.InsertIncidentIfNew);
                    Rows.AddIncident(command.Parameters, incident);
                    batch.BatchCommands.Add(command);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                var present = new List<Incident>();
                for (var i = 0; i < incidents.Count; i++)
                {
                    if (batch.BatchCommands[i].RecordsAffected == 1)
                    {
                        await PhaseColumns.RefreshAsync(connection, transaction, incidents[i], cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        present.Add(incidents[i]);
                        await PhaseColumns.RefreshAsync(connection, transaction, incidents[i].Id, cancellationToken).ConfigureAwait(false);
                    }
                }

                var differing = present.Count == 0 ? 0 : await CountDifferingAsync(connection, transaction, present, cancellationToken).ConfigureAwait(false);
                return new IncidentCopy(CopyTally.Of(incidents.Count, incidents.Count - present.Count), differing);
            },
            cancellationToken);

    /// <summary>
    /// Copies posts in the order given, under their channels' queue locks: pending posts must come in the order they
    /// were enqueued, which becomes each channel's queue order here.
    /// </summary>
    public Task<CopyTally> CopyPostsAsync(IReadOnlyList<OutboxItem> posts, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) => CopyTally.Of(
                posts.Count, await Rows.EnqueueAsync(connection, transaction, posts, cancellationToken).ConfigureAwait(false)),
            cancellationToken);

    public Task<CopyTally> CopyAdapterRecordsAsync(IReadOnlyList<AdapterRecord> records, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                if (records.Count == 0)
                {
                    return CopyTally.None;
                }

                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var record in records)
                {
                    var command = new NpgsqlBatchCommand(InsertAdapterRecord);
                    command.Parameters.AddWithValue("hash", PostgresIncidentStore.HashOf(record.Key));
                    command.Parameters.AddWithValue("key", record.Key);
                    command.Parameters.AddWithValue("value", record.Value);
                    command.Parameters.Add(Rows.Text("owner", record.OwnerItemId));
                    batch.BatchCommands.Add(command);
                }

                return CopyTally.Of(records.Count, await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false));
            },
            cancellationToken);

    /// <summary>
    /// Raises each workspace's counter to the copied one, or to its highest incident number here if that is higher,
    /// never lowering it; returns each workspace's last number afterwards, so the next incident is that plus one.
    /// </summary>
    public Task<IReadOnlyList<WorkspaceCounter>> RaiseCountersAsync(IReadOnlyList<WorkspaceCounter> counters, CancellationToken cancellationToken) =>
        InTransactionAsync<IReadOnlyList<WorkspaceCounter>>(
            async (connection, transaction) =>
            {
                var workspaces = counters.Select(c => c.WorkspaceKey).ToArray();
                await using (var raise = new NpgsqlCommand(RaiseCounters, connection, transaction))
                {
                    raise.Parameters.AddWithValue("workspaces", workspaces);
                    raise.Parameters.AddWithValue("numbers", counters.Select(c => c.LastNumber).ToArray());
                    await raise.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return await ListAsync(
                    connection,
                    transaction,
                    "SELECT workspace_key, last_number FROM workspace_counters WHERE workspace_key = ANY(@workspaces) ORDER BY workspace_key COLLATE \"C\"",
                    r => new WorkspaceCounter(r.GetString(0), r.GetInt32(1)),
                    cancellationToken,
                    Parameter("workspaces", workspaces)).ConfigureAwait(false);
            },
            cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static async Task<int> CountDifferingAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<Incident> incidents, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(DifferingIncidents, connection, transaction);
        command.Parameters.AddWithValue("ids", incidents.Select(i => i.Id).ToArray());
        command.Parameters.Add(new NpgsqlParameter("docs", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = incidents.Select(StoreJson.Serialize).ToArray() });
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }
}
