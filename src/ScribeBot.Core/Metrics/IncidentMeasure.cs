using ScribeBot.Core.Incidents;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// What statistics need of one incident: when it was declared, how bad it was, how long it took to acknowledge and to
/// resolve, and where those clocks started: the page it was linked to (<see cref="PageSource"/>, with the paged
/// <see cref="PagedService"/> when the source names one) or, when <see cref="PageSource"/> is null, the declaration.
/// <see cref="Phases"/> are the response's phases as its Issue Summary states them. A store can keep all of these in a
/// few bytes per incident, so stats over years of history never load incidents.
/// </summary>
public readonly record struct IncidentMeasure(
    DateTimeOffset Declared,
    Severity Severity,
    TimeSpan? TimeToAcknowledge,
    TimeSpan? TimeToResolve,
    PageSource? PageSource = null,
    string? PagedService = null,
    PhaseDurations Phases = default)
{
    /// <summary>True when MTTA and MTTR run from a page's trigger rather than from the declaration.</summary>
    public bool IsPaged => PageSource is not null;

    /// <param name="incident">The incident.</param>
    /// <param name="entries">Its stored entries: the phases read the tagged ones (<see cref="PhaseDurations.Of"/>).</param>
    public static IncidentMeasure Of(Incident incident, IReadOnlyList<TimelineEntry> entries) => new(
        incident.Declared.At,
        incident.Severity,
        incident.TimeToAcknowledge,
        incident.TimeToResolve,
        incident.Page?.Source,
        incident.Page?.Service is { Length: > 0 } service ? service : null,
        PhaseDurations.Of(incident, entries));
}
