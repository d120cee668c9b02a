using Npgsql;
using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Timeline;
using ScribeBot.Postgres.Documents;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres;

/// <summary>
/// An incident's phase columns (<see cref="PhaseDurations"/>, whole seconds) and outage columns
/// (<see cref="OutageWindow"/>, ticks), recomputed inside the caller's transaction from the incident and its tagged
/// entries whenever either changes: only those decide them, so an untagged chat message never pays for this, and
/// statistics and the incident list read the columns, never a timeline.
/// </summary>
internal static class PhaseColumns
{
    private const string TaggedEntries = """
        SELECT doc FROM entries
        WHERE incident_id = @incident AND jsonb_array_length(COALESCE(doc->'marks', '[]'::jsonb)) > 0
        """;

    private const string Update = """
        UPDATE incidents SET detect_seconds = @detect, acknowledge_seconds = @acknowledge, root_cause_seconds = @rootCause,
            resolve_seconds = @resolve, time_lost_seconds = @timeLost,
            outage_start_ticks = @outageStart, outage_ticks = @outage, outage_impossible_order = @outageImpossible
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
        var entries = await TaggedEntriesAsync(connection, transaction, incidentId, cancellationToken).ConfigureAwait(false);
        var phases = PhaseDurations.Of(incident, entries);
        var outage = OutageWindow.Of(incident, entries);

        await using var command = new NpgsqlCommand(Update, connection, transaction);
        command.Parameters.AddWithValue("incident", incidentId);
        command.Parameters.Add(Seconds("detect", phases.ToDetect));
        command.Parameters.Add(Seconds("acknowledge", phases.ToAcknowledge));
        command.Parameters.Add(Seconds("rootCause", phases.ToRootCause));
        command.Parameters.Add(Seconds("resolve", phases.ToResolve));
        command.Parameters.Add(Seconds("timeLost", phases.TimeLost));
        command.Parameters.AddWithValue("outageStart", outage.Start.UtcTicks);
        command.Parameters.Add(new NpgsqlParameter("outage", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = outage.Length is { } length ? length.Value.Ticks : DBNull.Value });
        command.Parameters.AddWithValue("outageImpossible", outage.Length is { ImpossibleOrder: true });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The five phase columns, starting at <paramref name="firstOrdinal"/> in the order they are written.</summary>
    public static PhaseDurations Read(NpgsqlDataReader reader, int firstOrdinal) => new(
        Span(reader, firstOrdinal),
        Span(reader, firstOrdinal + 1),
        Span(reader, firstOrdinal + 2),
        Span(reader, firstOrdinal + 3),
        Span(reader, firstOrdinal + 4));

    /// <summary>
    /// The three outage columns from <paramref name="firstOrdinal"/>, or null when the row predates them (migration 2)
    /// and no change has refreshed it since.
    /// </summary>
    public static OutageWindow? ReadOutage(NpgsqlDataReader reader, int firstOrdinal) =>
        reader.IsDBNull(firstOrdinal)
            ? null
            : new OutageWindow(
                new DateTimeOffset(reader.GetInt64(firstOrdinal), TimeSpan.Zero),
                reader.IsDBNull(firstOrdinal + 1) ? null : new MeasuredSpan(TimeSpan.FromTicks(reader.GetInt64(firstOrdinal + 1)), reader.GetBoolean(firstOrdinal + 2)));

    /// <summary>The tagged entries of <paramref name="incidentId"/>: all that a phase or the outage rests on.</summary>
    public static Task<List<TimelineEntry>> TaggedEntriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string incidentId, CancellationToken cancellationToken) =>
        ListAsync(connection, transaction, TaggedEntries, r => StoreJson.ToEntry(r.GetString(0)), cancellationToken, Parameter("incident", incidentId));

    private static TimeSpan? Span(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : TimeSpan.FromSeconds(reader.GetInt32(ordinal));

    private static NpgsqlParameter Seconds(string name, TimeSpan? span) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Integer) { Value = span is { } s ? (int)Math.Floor(s.TotalSeconds) : DBNull.Value };
}
