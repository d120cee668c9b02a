using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Storage;

/// <summary>Either the incident just opened, or the one already open in the channel.</summary>
public sealed record OpenIncidentResult(Incident Incident, bool Opened);
