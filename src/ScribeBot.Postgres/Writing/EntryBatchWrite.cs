using Npgsql;
using NpgsqlTypes;
using ScribeBot.Core.Storage;

namespace ScribeBot.Postgres.Writing;

/// <summary>
/// The statements of one batch of appends, inside the batch's transaction: every entry in one multi-row insert (four
/// arrays unnested in arrival order, so <c>seq</c> keeps it), which skips keys already stored and returns the keys it
/// did insert; then the phase columns of each incident that gained a tagged entry.
/// </summary>
internal static class EntryBatchWrite
{
    private const string InsertEntries = """
        INSERT INTO entries (incident_id, message_id, at_ticks, doc)
        SELECT incident_id, message_id, at_ticks, doc
        FROM unnest(@incidents, @messages, @ats, @docs) WITH ORDINALITY AS batch(incident_id, message_id, at_ticks, doc, arrival)
        ORDER BY arrival
        ON CONFLICT (incident_id, message_id) DO NOTHING
        RETURNING incident_id, message_id
        """;

    /// <summary>
    /// Inserts <paramref name="appends"/> (keys distinct) and returns each one's outcome, in order. Without a
    /// transaction the statement commits by itself, before it returns.
    /// </summary>
    public static async Task<AppendResult[]> InsertAsync(
        NpgsqlCommand insert, NpgsqlTransaction? transaction, IReadOnlyList<PendingAppend> appends, CancellationToken cancellationToken)
    {
        insert.Transaction = transaction;
        var p = insert.Parameters;
        p[0].Value = appends.Select(a => a.Entry.IncidentId).ToArray();
        p[1].Value = appends.Select(a => a.Entry.MessageId).ToArray();
        p[2].Value = appends.Select(a => a.Entry.At.UtcTicks).ToArray();
        p[3].Value = appends.Select(a => a.Document).ToArray();
        var inserted = new HashSet<(string Incident, string Message)>();
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                inserted.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        return appends
            .Select(a => inserted.Contains((a.Entry.IncidentId, a.Entry.MessageId)) ? AppendResult.Added : AppendResult.Duplicate)
            .ToArray();
    }

    /// <summary>Refreshes the phase columns of each incident that gained a tagged entry, in the inserts' transaction.</summary>
    public static async Task RefreshPhasesAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<PendingAppend> appends,
        AppendResult[] results,
        CancellationToken cancellationToken)
    {
        // Only tagged entries decide a phase. Incidents in ordinal order: two batches lock the rows they refresh in
        // the same order, so they cannot deadlock.
        var tagged = appends
            .Where((a, i) => results[i] == AppendResult.Added && a.Entry.Marks.Count > 0)
            .Select(a => a.Entry.IncidentId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var incidentId in tagged)
        {
            await PhaseColumns.RefreshAsync(connection, transaction, incidentId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The insert, its parameters typed (so it can be prepared) and given values per batch by <see cref="InsertAsync"/>.</summary>
    public static NpgsqlCommand CreateInsert(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(InsertEntries, connection);
        command.Parameters.Add(new NpgsqlParameter("incidents", NpgsqlDbType.Array | NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter("messages", NpgsqlDbType.Array | NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter("ats", NpgsqlDbType.Array | NpgsqlDbType.Bigint));
        command.Parameters.Add(new NpgsqlParameter("docs", NpgsqlDbType.Array | NpgsqlDbType.Jsonb));
        return command;
    }
}
