using Npgsql;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;
using ScribeBot.Postgres.Documents;
using static ScribeBot.Postgres.Reads;

namespace ScribeBot.Postgres;

/// <summary>
/// The <see cref="IIncidentStore"/> port's incidents. Opening one holds the channel's command lock and the
/// workspace's counter row to commit: one open incident a channel and gap-free numbers, whichever instance asks.
/// </summary>
internal sealed partial class PostgresIncidentStore : IIncidentStore
{
    private const string OpenInChannel = "SELECT doc FROM incidents WHERE channel_key = @channel AND is_open";

    // The counter row stays locked until commit, so concurrent opens in a workspace take numbers one after another,
    // and a rolled back open returns its number.
    private const string NextNumber = """
        INSERT INTO workspace_counters (workspace_key, last_number) VALUES (@workspace, 1)
        ON CONFLICT (workspace_key) DO UPDATE SET last_number = workspace_counters.last_number + 1
        RETURNING last_number
        """;

    public Task<Incident?> FindOpenIncidentAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            c => FirstOrDefaultAsync(c, null, OpenInChannel, ReadIncident, cancellationToken, Parameter("channel", channel.Key)),
            cancellationToken);

    public Task<Incident?> FindLatestIncidentAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            c => FirstOrDefaultAsync(
                c, null, "SELECT doc FROM incidents WHERE channel_key = @channel ORDER BY number DESC LIMIT 1", ReadIncident, cancellationToken,
                Parameter("channel", channel.Key)),
            cancellationToken);

    public Task<Incident?> GetIncidentAsync(string incidentId, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            c => FirstOrDefaultAsync(c, null, "SELECT doc FROM incidents WHERE id = @id", ReadIncident, cancellationToken, Parameter("id", incidentId)),
            cancellationToken);

    public Task<OpenIncidentResult> OpenIncidentAsync(
        ChannelRef channel, Func<int, IncidentWithEntries> create, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                await AdvisoryLocks.LockCommandsAsync(connection, transaction, channel.Key, cancellationToken).ConfigureAwait(false);
                var open = await FirstOrDefaultAsync(
                    connection, transaction, OpenInChannel, ReadIncident, cancellationToken, Parameter("channel", channel.Key)).ConfigureAwait(false);
                if (open is not null)
                {
                    return new OpenIncidentResult(open, Opened: false);
                }

                await using var next = new NpgsqlCommand(NextNumber, connection, transaction);
                next.Parameters.AddWithValue("workspace", channel.WorkspaceKey);
                var number = (int)(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;

                var created = create(number);
                await Rows.SaveIncidentAsync(connection, transaction, created.Incident, cancellationToken).ConfigureAwait(false);
                await Rows.AppendEntriesAsync(connection, transaction, created.Entries, cancellationToken).ConfigureAwait(false);
                await PhaseColumns.RefreshAsync(connection, transaction, created.Incident, cancellationToken).ConfigureAwait(false);
                await Rows.EnqueueAsync(connection, transaction, created.Outbox, cancellationToken).ConfigureAwait(false);
                return new OpenIncidentResult(created.Incident, Opened: true);
            },
            cancellationToken);

    public Task SaveIncidentAsync(
        Incident incident, IReadOnlyList<TimelineEntry> newEntries, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken) =>
        InTransactionAsync(
            async (connection, transaction) =>
            {
                await Rows.SaveIncidentAsync(connection, transaction, incident, cancellationToken).ConfigureAwait(false);
                await Rows.AppendEntriesAsync(connection, transaction, newEntries, cancellationToken).ConfigureAwait(false);
                await PhaseColumns.RefreshAsync(connection, transaction, incident, cancellationToken).ConfigureAwait(false);
                await Rows.EnqueueAsync(connection, transaction, outbox, cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public Task<IReadOnlyList<Incident>> ListIncidentsAsync(
        string workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken) =>
        OnConnectionAsync<IReadOnlyList<Incident>>(
            async c => await ListAsync(
                c,
                null,
                "SELECT doc FROM incidents WHERE workspace_key = @workspace AND declared_ticks >= @since ORDER BY declared_ticks DESC, number DESC",
                ReadIncident,
                cancellationToken,
                Parameter("workspace", workspaceKey),
                Parameter("since", declaredSince.UtcTicks)).ConfigureAwait(false),
            cancellationToken);

    /// <summary>From the measure columns: no incident document is read.</summary>
    public Task<IReadOnlyList<IncidentMeasure>> MeasureIncidentsAsync(
        string? workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken) =>
        OnConnectionAsync<IReadOnlyList<IncidentMeasure>>(
            async c =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    SELECT declared_ticks, declared_offset_minutes, severity, time_to_acknowledge_ticks, time_to_resolve_ticks, page_source, paged_service,
                        detect_seconds, acknowledge_seconds, root_cause_seconds, resolve_seconds, time_lost_seconds
                    FROM incidents WHERE (@workspace::text IS NULL OR workspace_key = @workspace) AND declared_ticks >= @since
                    """,
                    c);
                command.Parameters.Add(Rows.Text("workspace", workspaceKey));
                command.Parameters.AddWithValue("since", declaredSince.UtcTicks);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var measures = new List<IncidentMeasure>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    measures.Add(ReadMeasure(reader));
                }

                return measures;
            },
            cancellationToken);

    public Task<IncidentPage> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken) =>
        OnConnectionAsync(
            async c =>
            {
                const string Filter = """
                    FROM incidents WHERE (@status::text IS NULL OR status = @status) AND (@severity::text IS NULL OR severity = @severity)
                    AND (@platform::text IS NULL OR platform = @platform) AND declared_ticks >= @since
                    """;

                // One snapshot for the count and the page, so the total agrees with the items.
                await using var transaction = await c.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
                var total = await ListAsync(c, transaction, "SELECT count(*) " + Filter, r => r.GetInt64(0), cancellationToken, QueryParameters(query)).ConfigureAwait(false);
                var rows = await ListAsync(
                    c,
                    transaction,
                    "SELECT doc, outage_start_ticks, outage_ticks, outage_impossible_order " + Filter
                        + " ORDER BY declared_ticks DESC, id COLLATE \"C\" LIMIT @take OFFSET @skip",
                    r => (Incident: ReadIncident(r), Outage: PhaseColumns.ReadOutage(r, firstOrdinal: 1)),
                    cancellationToken,
                    [.. QueryParameters(query), Parameter("take", Math.Max(0, query.Take)), Parameter("skip", Math.Max(0, query.Skip))]).ConfigureAwait(false);
                var outages = new Dictionary<string, OutageWindow>(StringComparer.Ordinal);
                foreach (var (incident, outage) in rows)
                {
                    outages[incident.Id] = outage
                        ?? OutageWindow.Of(incident, await PhaseColumns.TaggedEntriesAsync(c, transaction, incident.Id, cancellationToken).ConfigureAwait(false));
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new IncidentPage([.. rows.Select(r => r.Incident)], (int)total[0], outages);
            },
            cancellationToken);

    private static NpgsqlParameter[] QueryParameters(IncidentQuery query) =>
    [
        Rows.Text("status", query.Status?.ToString()),
        Rows.Text("severity", query.Severity?.ToString()),
        Rows.Text("platform", query.Platform?.ToString()),
        Parameter("since", (query.DeclaredSince ?? DateTimeOffset.MinValue).UtcTicks),
    ];

    private static Incident ReadIncident(NpgsqlDataReader reader) => StoreJson.ToIncident(reader.GetString(0));

    private static IncidentMeasure ReadMeasure(NpgsqlDataReader reader)
    {
        var declared = new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(reader.GetInt32(1)));
        return new IncidentMeasure(
            declared,
            Enum.Parse<Severity>(reader.GetString(2)),
            reader.IsDBNull(3) ? null : TimeSpan.FromTicks(reader.GetInt64(3)),
            reader.IsDBNull(4) ? null : TimeSpan.FromTicks(reader.GetInt64(4)),
            reader.IsDBNull(5) ? null : Enum.Parse<PageSource>(reader.GetString(5)),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            PhaseColumns.Read(reader, firstOrdinal: 7));
    }
}
