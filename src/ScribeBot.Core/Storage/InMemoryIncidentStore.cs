using ScribeBot.Core.Channels;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Metrics;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Storage;

/// <summary>
/// A store that lives in memory: for the <c>replay</c> verb (which must not touch the real data file) and as the
/// reference implementation of the store contract: incidents, outbox and adapter state. One lock makes every operation
/// atomic. Retention and purge (<see cref="IRetentionStore"/>) are in <c>InMemoryIncidentStore.Retention.cs</c>.
/// </summary>
public sealed partial class InMemoryIncidentStore : IIncidentStore, IOutboxStore, IAdapterStateStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Incident> _incidents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastNumberByWorkspace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TimelineEntry>> _entriesByIncident = new(StringComparer.Ordinal);

    // Insertion order is enqueue order, which orders each channel's queue.
    private readonly List<OutboxItem> _outbox = [];
    private readonly Dictionary<string, int> _outboxIndex = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _adapterState = new(StringComparer.Ordinal);

    // The outbox item that owns a key's record, for the keys that have one.
    private readonly Dictionary<string, string> _adapterStateOwners = new(StringComparer.Ordinal);

    public Task<Incident?> FindOpenIncidentAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_incidents.Values.FirstOrDefault(i => i.IsOpen && i.Channel == channel));
        }
    }

    public Task<Incident?> FindLatestIncidentAsync(ChannelRef channel, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_incidents.Values.Where(i => i.Channel == channel).MaxBy(i => i.Number));
        }
    }

    public Task<Incident?> GetIncidentAsync(string incidentId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_incidents.GetValueOrDefault(incidentId));
        }
    }

    public Task<OpenIncidentResult> OpenIncidentAsync(
        ChannelRef channel, Func<int, IncidentWithEntries> create, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var open = _incidents.Values.FirstOrDefault(i => i.IsOpen && i.Channel == channel);
            if (open is not null)
            {
                return Task.FromResult(new OpenIncidentResult(open, Opened: false));
            }

            var number = _lastNumberByWorkspace.GetValueOrDefault(channel.WorkspaceKey) + 1;
            var created = create(number);
            var incident = created.Incident;
            _lastNumberByWorkspace[channel.WorkspaceKey] = number;
            _incidents[incident.Id] = incident;
            foreach (var entry in created.Entries)
            {
                AppendLocked(entry);
            }

            EnqueueLocked(created.Outbox);

            return Task.FromResult(new OpenIncidentResult(incident, Opened: true));
        }
    }

    public Task SaveIncidentAsync(
        Incident incident, IReadOnlyList<TimelineEntry> newEntries, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _incidents[incident.Id] = incident;
            foreach (var entry in newEntries)
            {
                AppendLocked(entry);
            }

            EnqueueLocked(outbox);
        }

        return Task.CompletedTask;
    }

    public Task<AppendResult> AppendEntryAsync(TimelineEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(AppendLocked(entry));
        }
    }

    public Task<TimelineEntry?> UpdateEntryAsync(
        string incidentId, string messageId, Func<TimelineEntry, TimelineEntry> change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_entriesByIncident.TryGetValue(incidentId, out var entries))
            {
                return Task.FromResult<TimelineEntry?>(null);
            }

            var index = entries.FindIndex(e => e.MessageId == messageId);
            if (index < 0)
            {
                return Task.FromResult<TimelineEntry?>(null);
            }

            var changed = change(entries[index]);
            entries[index] = changed;
            return Task.FromResult<TimelineEntry?>(changed);
        }
    }

    public Task<TimelineEntry?> GetEntryAsync(string incidentId, string messageId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_entriesByIncident.GetValueOrDefault(incidentId)?.Find(e => e.MessageId == messageId));
        }
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string incidentId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // OrderBy is stable, so entries with the same instant keep their arrival order.
            IReadOnlyList<TimelineEntry> timeline = _entriesByIncident.TryGetValue(incidentId, out var entries)
                ? entries.OrderBy(e => e.At).ToArray()
                : [];
            return Task.FromResult(timeline);
        }
    }

    public Task<IReadOnlyList<Incident>> ListIncidentsAsync(
        string workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<Incident> incidents = _incidents.Values
                .Where(i => i.Channel.WorkspaceKey == workspaceKey && i.Declared.At >= declaredSince)
                .OrderByDescending(i => i.Declared.At)
                .ThenByDescending(i => i.Number)
                .ToArray();
            return Task.FromResult(incidents);
        }
    }

    public Task<IReadOnlyList<IncidentMeasure>> MeasureIncidentsAsync(
        string? workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<IncidentMeasure> measures = _incidents.Values
                .Where(i => (workspaceKey is null || i.Channel.WorkspaceKey == workspaceKey) && i.Declared.At >= declaredSince)
                // Computed on each read: this store holds little history (replay, tests); the LiteDB store keeps them.
                .Select(i => IncidentMeasure.Of(i, _entriesByIncident.GetValueOrDefault(i.Id) ?? []))
                .ToArray();
            return Task.FromResult(measures);
        }
    }

    public Task<IReadOnlyList<FollowupMeasure>> MeasureFollowupsAsync(
        string? workspaceKey, DateTimeOffset createdSince, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<FollowupMeasure> followups = _incidents.Values
                .Where(i => workspaceKey is null || i.Channel.WorkspaceKey == workspaceKey)
                .SelectMany(i => FollowupMeasure.Of(i, createdSince))
                .ToArray();
            return Task.FromResult(followups);
        }
    }

    public Task<IncidentPage> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(query.PageOf(_incidents.Values, i => _entriesByIncident.GetValueOrDefault(i.Id) ?? []));
        }
    }

    private AppendResult AppendLocked(TimelineEntry entry)
    {
        if (!_entriesByIncident.TryGetValue(entry.IncidentId, out var entries))
        {
            entries = [];
            _entriesByIncident[entry.IncidentId] = entries;
        }

        if (entries.Exists(e => e.MessageId == entry.MessageId))
        {
            return AppendResult.Duplicate;
        }

        entries.Add(entry);
        return AppendResult.Added;
    }
}
