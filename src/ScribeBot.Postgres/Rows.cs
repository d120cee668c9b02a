using Npgsql;
using NpgsqlTypes;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Timeline;
using ScribeBot.Postgres.Documents;

namespace ScribeBot.Postgres;

/// <summary>
/// The writes that several commands share, inside the caller's transaction: an incident with its columns, entries and
/// outbox items (ignoring keys already stored), each batch in one round trip.
/// </summary>
internal static class Rows
{
    private const string InsertIncident = """
        INSERT INTO incidents (id, workspace_key, channel_key, number, platform, status, severity, is_open, declared_ticks,
            declared_offset_minutes, time_to_acknowledge_ticks, time_to_resolve_ticks, page_source, paged_service, followup_created_ticks, doc)
        VALUES (@id, @workspace, @channel, @number, @platform, @status, @severity, @open, @declared,
            @offset, @tta, @ttr, @pageSource, @pagedService, @followupCreated, @doc)
        """;

    /// <summary>An incident copied from another store: one already here (an earlier copy) is left as it is.</summary>
    public const string InsertIncidentIfNew = InsertIncident + " ON CONFLICT (id) DO NOTHING";

    private const string UpsertIncident = InsertIncident + "\n" + """
        ON CONFLICT (id) DO UPDATE SET workspace_key = excluded.workspace_key, channel_key = excluded.channel_key,
            number = excluded.number, platform = excluded.platform, status = excluded.status, severity = excluded.severity,
            is_open = excluded.is_open, declared_ticks = excluded.declared_ticks, declared_offset_minutes = excluded.declared_offset_minutes,
            time_to_acknowledge_ticks = excluded.time_to_acknowledge_ticks, time_to_resolve_ticks = excluded.time_to_resolve_ticks,
            page_source = excluded.page_source, paged_service = excluded.paged_service,
            followup_created_ticks = excluded.followup_created_ticks, doc = excluded.doc
        """;

    private const string InsertEntry = """
        INSERT INTO entries (incident_id, message_id, at_ticks, doc) VALUES (@incident, @message, @at, @doc)
        ON CONFLICT (incident_id, message_id) DO NOTHING
        """;

    public const string InsertOutboxItem = """
        INSERT INTO outbox (id, channel_key, platform, incident_id, state, next_attempt_ticks, delivered_ticks, abandoned_ticks, doc)
        VALUES (@id, @channel, @platform, @incident, @state, @next, @delivered, @abandoned, @doc)
        ON CONFLICT (id) DO NOTHING
        """;

    public static async Task SaveIncidentAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Incident incident, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(UpsertIncident, connection, transaction);
        AddIncident(command.Parameters, incident);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The incident's columns and document, for <see cref="InsertIncidentIfNew"/> and the upsert.</summary>
    public static void AddIncident(NpgsqlParameterCollection p, Incident incident)
    {
        // The phases need the tagged entries too: PhaseColumns writes them once the entries are in.
        var measure = IncidentMeasure.Of(incident, []);
        p.AddWithValue("id", incident.Id);
        p.AddWithValue("workspace", incident.Channel.WorkspaceKey);
        p.AddWithValue("channel", incident.Channel.Key);
        p.AddWithValue("number", incident.Number);
        p.AddWithValue("platform", incident.Channel.Platform.ToString());
        p.AddWithValue("status", incident.Status.ToString());
        p.AddWithValue("severity", incident.Severity.ToString());
        p.AddWithValue("open", incident.IsOpen);
        p.AddWithValue("declared", incident.Declared.At.UtcTicks);
        p.AddWithValue("offset", (int)incident.Declared.At.Offset.TotalMinutes);
        p.Add(Bigint("tta", measure.TimeToAcknowledge?.Ticks));
        p.Add(Bigint("ttr", measure.TimeToResolve?.Ticks));
        p.Add(Text("pageSource", measure.PageSource?.ToString()));
        p.Add(Text("pagedService", measure.PagedService));
        p.Add(Bigint("followupCreated", FollowupMeasure.LatestCreated(incident)?.UtcTicks));
        p.Add(Json("doc", StoreJson.Serialize(incident)));
    }

    /// <summary>Appends the entries in order; returns how many were new.</summary>
    public static async Task<int> AppendEntriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<TimelineEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return 0;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var entry in entries)
        {
            var command = new NpgsqlBatchCommand(InsertEntry);
            command.Parameters.AddWithValue("incident", entry.IncidentId);
            command.Parameters.AddWithValue("message", entry.MessageId);
            command.Parameters.AddWithValue("at", entry.At.UtcTicks);
            command.Parameters.Add(Json("doc", StoreJson.Serialize(entry)));
            batch.BatchCommands.Add(command);
        }

        return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enqueues the items in order, under their channels' queue locks, ignoring ids already stored; returns how many were new.</summary>
    public static async Task<int> EnqueueAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        await AdvisoryLocks.LockQueuesAsync(connection, transaction, items.Select(i => i.Channel.Key), cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var item in items)
        {
            var command = new NpgsqlBatchCommand(InsertOutboxItem);
            command.Parameters.AddWithValue("id", item.Id);
            command.Parameters.AddWithValue("channel", item.Channel.Key);
            command.Parameters.AddWithValue("platform", item.Channel.Platform.ToString());
            command.Parameters.Add(Text("incident", item.IncidentId));
            AddOutboxState(command.Parameters, item);
            batch.BatchCommands.Add(command);
        }

        return await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The columns an outbox item's delivery changes: <c>@state</c>, <c>@next</c>, <c>@delivered</c>, <c>@abandoned</c>, <c>@doc</c>.</summary>
    public static void AddOutboxState(NpgsqlParameterCollection p, OutboxItem item)
    {
        p.AddWithValue("state", item.State.ToString());
        p.AddWithValue("next", item.NextAttemptAt.UtcTicks);
        p.Add(Bigint("delivered", item.DeliveredAt?.UtcTicks));
        p.Add(Bigint("abandoned", item.AbandonedAt?.UtcTicks));
        p.Add(Json("doc", StoreJson.Serialize(item)));
    }

    public static NpgsqlParameter Bigint(string name, long? value) =>
        new(name, NpgsqlDbType.Bigint) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Json(string name, string json) => new(name, NpgsqlDbType.Jsonb) { Value = json };

    public static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}
