using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// The durations of one incident. MTTA and MTTR are measured from the declaration (<c>start</c>), the moment
/// the team took it on; the outage's own length runs from when impact began (or was detected) to resolution.
/// </summary>
public static class IncidentDurations
{
    /// <summary>Time to acknowledge: declared to acknowledged.</summary>
    public static TimeSpan? TimeToAcknowledge(Incident incident) =>
        incident.Acknowledged is { } ack ? ack.At - incident.Declared.At : null;

    /// <summary>Time to resolve: declared to resolved.</summary>
    public static TimeSpan? TimeToResolve(Incident incident) =>
        incident.Resolved is { } resolved ? resolved.At - incident.Declared.At : null;

    /// <summary>The outage's start: impact began, else detected, else declared.</summary>
    public static DateTimeOffset OutageStart(Incident incident) =>
        (incident.ImpactBegan ?? incident.Detected ?? incident.Declared).At;

    /// <summary>Outage start to resolution, when resolved.</summary>
    public static TimeSpan? OutageDuration(Incident incident) =>
        incident.Resolved is { } resolved ? resolved.At - OutageStart(incident) : null;
}
