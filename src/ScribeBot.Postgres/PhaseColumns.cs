using Npgsql;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Postgres.Documents;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres;

/// <summary>
/// An incident's phase columns (<see cref="PhaseDurations"/>, whole seconds), recomputed inside the caller's transaction
/// from the incident and its tagged entries whenever either changes: only those decide a phase, so an untagged chat
/// message never pays for this, and statistics read the columns, never a document.
/// </summary>
internal static class PhaseColumns
{
    private const string TaggedEntries = """
        SELECT doc FROM entries
        WHERE incident_id = @incident AND jsonb_array_length(COALESCE(doc->'marks', '[]'::jsonb)) > 0
        """;

    private const string Update = """
        UPDATE incidents SET detect_seconds = @detect, acknowledge_seconds = @acknowledge, root_cause_seconds = @rootCause,
            resolve_seconds = @resolve, time_lost_seconds = @timeLost
        WHERE id = @incident
        """;

    /// <summary>
    /// After an entry changed: the incident is read back from its row, locked, so concurrent transactions that each
    /// added a tagged entry refresh one after the other and the later one counts the earlier one's entry.
    /// </summary>
    public static async Task RefreshAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string incidentId, CancellationToken cancellationToken)
    {
        var incident = await FirstOrDefaultAsync(
            connection, transaction, "SELECT doc FROM incidents WHERE id = @incident FOR UPDATE", r => StoreJson.ToIncident(r.GetString(0)),
            cancellationToken, Parameter("incident", incidentId)).ConfigureAwait(false);
        // Entries may arrive for an incident the caller has not stored (as in the other stores): nothing to measure.
        if (incident is not null)
        {
            await RefreshAsync(connection, transaction, incident, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After the incident itself was written in this transaction: the caller's copy, not a read of what it just wrote.</summary>
    public static async Task RefreshAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Incident incident, CancellationToken cancellationToken)
    {
        var incidentId = incident.Id;
        var entries = await ListAsync(
            connection, transaction, TaggedEntries, r => StoreJson.ToEntry(r.GetString(0)), cancellationToken,
            Parameter("incident", incidentId)).ConfigureAwait(false);
        var phases = PhaseDurations.Of(incident, entries);

        await using var command = new NpgsqlCommand(Update, connection, transaction);
        command.Parameters.AddWithValue("incident", incidentId);
        command.Parameters.Add(Seconds("detect", phases.ToDetect));
        command.Parameters.Add(Seconds("acknowledge", phases.ToAcknowledge));
        command.Parameters.Add(Seconds("rootCause", phases.ToRootCause));
        command.Parameters.Add(Seconds("resolve", phases.ToResolve));
        command.Parameters.Add(Seconds("timeLost", phases.TimeLost));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The five phase columns, starting at <paramref name="firstOrdinal"/> in the order they are written.</summary>
    public static PhaseDurations Read(NpgsqlDataReader reader, int firstOrdinal) => new(
        Span(reader, firstOrdinal),
        Span(reader, firstOrdinal + 1),
        Span(reader, firstOrdinal + 2),
        Span(reader, firstOrdinal + 3),
        Span(reader, firstOrdinal + 4));

    private static TimeSpan? Span(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : TimeSpan.FromSeconds(reader.GetInt32(ordinal));

    private static NpgsqlParameter Seconds(string name, TimeSpan? span) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Integer) { Value = span is { } s ? (int)Math.Floor(s.TotalSeconds) : DBNull.Value };
}
