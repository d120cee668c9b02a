using Npgsql;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;
using ScribeBot.Postgres.Documents;
using ScribeBot.Postgres.Writing;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres;

/// <summary>
/// The <see cref="IIncidentStore"/> port's timeline entries. Appends go through the group commit
/// (<see cref="Writing.EntryAppendBatcher"/>); their key (incident id, message id) makes a redelivery a no-op. An
/// update locks the entry's row for its read-change-write.
/// </summary>
internal sealed partial class PostgresIncidentStore
{
    private const string EntryByKey = "SELECT doc FROM entries WHERE incident_id = @incident AND message_id = @message";

    public Task<AppendResult> AppendEntryAsync(TimelineEntry entry, CancellationToken cancellationToken) =>
        GuardedAsync(
            async () =>
            {
                await MigrateUnguardedAsync(cancellationToken).ConfigureAwait(false);
                // Serialised here, on the caller's thread, so the batch writers spend their time on the database.
                return await _appends.AppendAsync(new PendingAppend(entry, StoreJson.Serialize(entry), cancellationToken)).ConfigureAwait(false);
            },
            reportOutage: true);

    public Task<TimelineEntry?> UpdateEntryAsync(
        string incidentId, string messageId, Func<TimelineEntry, TimelineEntry> change, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                var current = await FirstOrDefaultAsync(
                    connection, transaction, EntryByKey + " FOR UPDATE", ReadEntry, cancellationToken, EntryKey(incidentId, messageId)).ConfigureAwait(false);
                if (current is null)
                {
                    return null;
                }

                var changed = change(current);
                if (!ReferenceEquals(changed, current))
                {
                    await using var update = new NpgsqlCommand(
                        "UPDATE entries SET at_ticks = @at, doc = @doc WHERE incident_id = @incident AND message_id = @message", connection, transaction);
                    update.Parameters.AddRange(EntryKey(incidentId, messageId));
                    update.Parameters.AddWithValue("at", changed.At.UtcTicks);
                    update.Parameters.Add(Rows.Json("doc", StoreJson.Serialize(changed)));
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    if (current.Marks.Count > 0 || changed.Marks.Count > 0)
                    {
                        await PhaseColumns.RefreshAsync(connection, transaction, incidentId, cancellationToken).ConfigureAwait(false);
                    }
                }

                return changed;
            },
            cancellationToken);

    public Task<TimelineEntry?> GetEntryAsync(string incidentId, string messageId, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            c => FirstOrDefaultAsync(c, null, EntryByKey, ReadEntry, cancellationToken, EntryKey(incidentId, messageId)),
            cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string incidentId, CancellationToken cancellationToken) =>
        OnConnectionAsync<IReadOnlyList<TimelineEntry>>(
            async c => await ListAsync(
                c,
                null,
                "SELECT doc FROM entries WHERE incident_id = @incident ORDER BY at_ticks, seq",
                ReadEntry,
                cancellationToken,
                Parameter("incident", incidentId)).ConfigureAwait(false),
            cancellationToken);

    private static NpgsqlParameter[] EntryKey(string incidentId, string messageId) =>
        [Parameter("incident", incidentId), Parameter("message", messageId)];

    private static TimelineEntry ReadEntry(NpgsqlDataReader reader) => StoreJson.ToEntry(reader.GetString(0));
}
