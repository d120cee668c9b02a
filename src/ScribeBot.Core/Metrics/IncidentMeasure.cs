using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// What statistics need of one incident: when it was declared, how bad it was and how long it took to acknowledge and to
/// resolve. A store can keep these in a few bytes per incident, so stats over years of history never load incidents.
/// </summary>
public readonly record struct IncidentMeasure(
    DateTimeOffset Declared, Severity Severity, TimeSpan? TimeToAcknowledge, TimeSpan? TimeToResolve)
{
    public static IncidentMeasure Of(Incident incident) =>
        new(incident.Declared.At, incident.Severity, incident.TimeToAcknowledge, incident.TimeToResolve);
}
