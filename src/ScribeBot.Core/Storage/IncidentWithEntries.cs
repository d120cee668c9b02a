using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Storage;

/// <summary>An incident and the entries and outbox items to store with it in the same commit.</summary>
public sealed record IncidentWithEntries(Incident Incident, IReadOnlyList<TimelineEntry> Entries)
{
    /// <summary>Posts to enqueue in the same commit (the announcement of a new incident).</summary>
    public IReadOnlyList<OutboxItem> Outbox { get; init; } = [];
}
