using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// The durations of one incident, as functions for statistics over many (<c>incidents.Select(TimeToResolve)</c>). The
/// rules are the incident's own (<see cref="Incident.GetResponseTimes"/>): MTTA and MTTR are measured from the
/// declaration, the outage's length from <see cref="Incident.OutageStart"/> to resolution.
/// </summary>
public static class IncidentDurations
{
    /// <summary>Time to acknowledge: declared to acknowledged.</summary>
    public static TimeSpan? TimeToAcknowledge(Incident incident) => incident.TimeToAcknowledge;

    /// <summary>Time to resolve: declared to resolved.</summary>
    public static TimeSpan? TimeToResolve(Incident incident) => incident.TimeToResolve;

    /// <summary>The outage's start: impact began, else detected, else declared.</summary>
    public static DateTimeOffset OutageStart(Incident incident) => incident.OutageStart.At;

    /// <summary>Outage start to resolution, when resolved.</summary>
    public static TimeSpan? OutageDuration(Incident incident) => incident.OutageDuration;
}
