using ScribeBot.Core.Metrics;
using ScribeBot.Testing.Storage;

namespace ScribeBot.Core.Tests.Outbox;

/// <summary>
/// An in-memory store that records, for every write call, the outbox items it carried, so a test can tell that
/// posts went into the same call (the same commit) as the change.
/// </summary>
internal sealed class RecordingStore : DelegatingOutboxStore, IIncidentStore
{
    private readonly InMemoryIncidentStore _inner;

    public RecordingStore()
        : this(new InMemoryIncidentStore())
    {
    }

    private RecordingStore(InMemoryIncidentStore inner)
        : base(inner)
    {
        _inner = inner;
    }

    /// <summary>"Method: id, id" for each write call that carried outbox items.</summary>
    public List<string> Writes { get; } = [];

    public Task<Incident?> FindOpenIncidentAsync(ChannelRef channel, CancellationToken cancellationToken) => _inner.FindOpenIncidentAsync(channel, cancellationToken);

    public Task<Incident?> FindLatestIncidentAsync(ChannelRef channel, CancellationToken cancellationToken) => _inner.FindLatestIncidentAsync(channel, cancellationToken);

    public Task<Incident?> GetIncidentAsync(string incidentId, CancellationToken cancellationToken) => _inner.GetIncidentAsync(incidentId, cancellationToken);

    public Task<OpenIncidentResult> OpenIncidentAsync(ChannelRef channel, Func<int, IncidentWithEntries> create, CancellationToken cancellationToken) =>
        _inner.OpenIncidentAsync(
            channel,
            number =>
            {
                var created = create(number);
                Record(nameof(OpenIncidentAsync), created.Outbox);
                return created;
            },
            cancellationToken);

    public Task SaveIncidentAsync(Incident incident, IReadOnlyList<TimelineEntry> newEntries, IReadOnlyList<OutboxItem> outbox, CancellationToken cancellationToken)
    {
        Record(nameof(SaveIncidentAsync), outbox);
        return _inner.SaveIncidentAsync(incident, newEntries, outbox, cancellationToken);
    }

    public Task<AppendResult> AppendEntryAsync(TimelineEntry entry, CancellationToken cancellationToken) => _inner.AppendEntryAsync(entry, cancellationToken);

    public Task<TimelineEntry?> UpdateEntryAsync(string incidentId, string messageId, Func<TimelineEntry, TimelineEntry> change, CancellationToken cancellationToken) =>
        _inner.UpdateEntryAsync(incidentId, messageId, change, cancellationToken);

    public Task<TimelineEntry?> GetEntryAsync(string incidentId, string messageId, CancellationToken cancellationToken) => _inner.GetEntryAsync(incidentId, messageId, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string incidentId, CancellationToken cancellationToken) => _inner.GetTimelineAsync(incidentId, cancellationToken);

    public Task<IReadOnlyList<IncidentMeasure>> MeasureIncidentsAsync(string? workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken) =>
        _inner.MeasureIncidentsAsync(workspaceKey, declaredSince, cancellationToken);

    public Task<IReadOnlyList<ScribeBot.Core.Followups.FollowupMeasure>> MeasureFollowupsAsync(string? workspaceKey, DateTimeOffset createdSince, CancellationToken cancellationToken) =>
        _inner.MeasureFollowupsAsync(workspaceKey, createdSince, cancellationToken);

    public Task<IReadOnlyList<Incident>> ListIncidentsAsync(string workspaceKey, DateTimeOffset declaredSince, CancellationToken cancellationToken) =>
        _inner.ListIncidentsAsync(workspaceKey, declaredSince, cancellationToken);

    public Task<IncidentPage> QueryIncidentsAsync(IncidentQuery query, CancellationToken cancellationToken) =>
        _inner.QueryIncidentsAsync(query, cancellationToken);

    public override Task EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken)
    {
        Record(nameof(EnqueueAsync), items);
        return base.EnqueueAsync(items, cancellationToken);
    }

    private void Record(string call, IReadOnlyList<OutboxItem> items)
    {
        if (items.Count > 0)
        {
            lock (Writes)
            {
                Writes.Add($"{call}: {string.Join(", ", items.Select(i => i.Id))}");
            }
        }
    }
}
