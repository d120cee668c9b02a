using LiteDB;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;
using ScribeBot.Core.Metrics;
using ScribeBot.LiteDb.Ledger;
using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb;

/// <summary>
/// The <see cref="IIncidentStore"/> port: incidents and their timelines. <see cref="FindOpenIncidentAsync"/> is answered
/// from memory while the open-incident map holds every open incident; the other reads run on the writer thread.
/// </summary>
internal sealed partial class LiteDbIncidentStore : IIncidentStore
{
    public Task<Incident?> FindOpenIncidentAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        if (_openIncidents.TryFind(channel, out var held))
        {
            return Task.FromResult(held);
        }

        // More incidents are open than the map holds: the file answers, on the writer thread, in order with the
        // commits that change the map, so what it puts in the map cannot undo a later close.
        return ReadAsync(() =>
        {
            var open = _file.Schema.FindOpenIncident(channel.Key);
            if (open is not null)
            {
                _openIncidents.Remember(open);
            }

            return open;
        }, cancellationToken);
    }

    public Task<Incident?> FindLatestIncidentAsync(ChannelRef channel, CancellationToken cancellationToken) =>
        ReadAsync(() => _file.Schema.FindLatestIncident(channel.Key), cancellationToken);

    public Task<Incident?> GetIncidentAsync(string incidentId, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var doc = _file.Schema.Incidents.FindById(incidentId);
            return doc is null ? null : IncidentMapping.FromDocument(doc);
        }, cancellationToken);

    public Task<OpenIncidentResult> OpenIncidentAsync(
        ChannelRef channel, Func<int, IncidentWithEntries> create, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session =>
            {
                if (session.FindOpenIncident(channel) is { } open)
                {
                    return new OpenIncidentResult(open, Opened: false);
                }

                var number = session.LastIncidentNumber(channel.WorkspaceKey) + 1;
                var created = create(number);
                var incident = created.Incident;
                session.SetLastIncidentNumber(channel.WorkspaceKey, number);
                session.SaveIncident(incident);
                foreach (var entry in created.Entries)
                {
                    session.Append(entry);
                }

                session.Enqueue(created.Outbox);

                return new OpenIncidentResult(incident, Opened: true);
            },
            cancellationToken);

    public Task SaveIncidentAsync(
        Incident incident, IReadOnlyList<TimelineEntry> newEntries, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session =>
            {
                session.SaveIncident(incident);
                foreach (var entry in newEntries)
                {
                    session.Append(entry);
                }

                session.Enqueue(outbox);

                return true;
            },
            cancellationToken);

    public Task<AppendResult> AppendEntryAsync(TimelineEntry entry, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(session => session.Append(entry), cancellationToken);

    public Task<TimelineEntry?> UpdateEntryAsync(
        string incidentId, string messageId, Func<TimelineEntry, TimelineEntry> change, CancellationToken cancellationToken) =>
        _writer.EnqueueAsync(
            session =>
            {
                if (session.FindEntry(incidentId, messageId) is not { } stored)
                {
                    return null;
                }

                var current = TimelineEntryMapping.FromDocument(stored);
                var changed = change(current);
                if (!ReferenceEquals(changed, current))
                {
                    session.ReplaceEntry(stored, current, changed);
                }

                return changed;
            },
            cancellationToken);

    public Task<TimelineEntry?> GetEntryAsync(string incidentId, string messageId, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var doc = _file.Schema.Entries.FindById(TimelineEntryMapping.KeyOf(incidentId, messageId));
            return doc is null ? null : TimelineEntryMapping.FromDocument(doc);
        }, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string incidentId, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            IReadOnlyList<TimelineEntry> timeline = _file.Schema.EntriesOf(incidentId)
                .OrderBy(doc => doc[TimelineEntryMapping.AtField].AsInt64)
                .ThenBy(TimelineEntryMapping.SequenceOf)
                .Select(TimelineEntryMapping.FromDocument)
                .ToArray();
            return timeline;
        }, cancellationToken);

    public Task<IReadOnlyList<Incident>> ListIncidentsAsync(
        string workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            IReadOnlyList<Incident> incidents = _file.Schema.Incidents
                .Find(Query.And(
                    Query.EQ(IncidentMapping.WorkspaceKeyField, workspaceKey),
                    Query.GTE(IncidentMapping.DeclaredAtField, declaredSince.UtcTicks)))
                .Select(IncidentMapping.FromDocument)
                .OrderByDescending(i => i.Declared.At)
                .ThenByDescending(i => i.Number)
                .ToArray();
            return incidents;
        }, cancellationToken);

    public Task<IReadOnlyList<IncidentMeasure>> MeasureIncidentsAsync(
        string? workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var ledger = _ledger.Read(_file.Schema.Ledger, declaredSince);
            var workspace = workspaceKey is null ? -1 : ledger.OrdinalOf(workspaceKey);
            if (workspaceKey is not null && workspace < 0)
            {
                return (IReadOnlyList<IncidentMeasure>)[];
            }

            var measures = new List<IncidentMeasure>(ledger.Entries.Count);
            foreach (var entry in ledger.Entries)
            {
                if (workspaceKey is null || entry.Workspace == workspace)
                {
                    measures.Add(ledger.MeasureOf(entry));
                }
            }

            return (IReadOnlyList<IncidentMeasure>)measures;
        }, cancellationToken);

    /// <summary>Filtered, ordered and paged over the ledger; only the page's incidents are loaded.</summary>
    public Task<IncidentPage> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken) =>
        ReadAsync(() =>
        {
            var ledger = _ledger.Read(_file.Schema.Ledger, query.DeclaredSince ?? DateTimeOffset.MinValue);
            var (entries, total) = LedgerQuery.Page(ledger, query);
            var ids = entries.Select(ledger.IdOf).ToArray();
            var outages = entries.ToDictionary(ledger.IdOf, e => e.Outage, StringComparer.Ordinal);
            var items = ids.Select(id => _file.Schema.Incidents.FindById(id)).OfType<BsonDocument>().Select(IncidentMapping.FromDocument).ToArray();
            return new IncidentPage(items, total, outages);
        }, cancellationToken);
}
