using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Storage;

/// <summary>An incident and the entries to store with it in the same commit.</summary>
public sealed record IncidentWithEntries(Incident Incident, IReadOnlyList<TimelineEntry> Entries);
