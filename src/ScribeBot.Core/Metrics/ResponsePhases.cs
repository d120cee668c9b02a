using ScribeBot.Core.Incidents;
using ScribeBot.Core.Paging;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// How long each phase of the response took: to detect (impact began to detected), to acknowledge, to find the root
/// cause and to resolve (each from the <see cref="Incident.ClockStart"/>). A phase is null when it is unknown or rests
/// on recorded times in an impossible order: it is then not stated at all.
/// </summary>
public sealed record ResponsePhases(TimeSpan? ToDetect, TimeSpan? ToAcknowledge, TimeSpan? ToRootCause, TimeSpan? ToResolve)
{
    /// <summary>The page the clock phases run from, or null when they run from the declaration.</summary>
    public PageLink? Page { get; init; }

    public bool IsEmpty => ToDetect is null && ToAcknowledge is null && ToRootCause is null && ToResolve is null;

    /// <param name="incident">Its recorded instants give the other phases.</param>
    /// <param name="entries">The incident's stored entries; the root cause is found at the first one tagged root cause.</param>
    public static ResponsePhases Of(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(incident);
        ArgumentNullException.ThrowIfNull(entries);

        var times = incident.GetResponseTimes();
        return new ResponsePhases(Stated(times.ToDetect), Stated(times.ToAcknowledge), RootCauseFound(incident, entries), Stated(times.ToResolve))
        {
            Page = times.Page,
        };

        static TimeSpan? Stated(MeasuredSpan? span) => span is { ImpossibleOrder: false } value ? value.Value : null;
    }

    // The first root-cause entry says when it was found. One before the clock started cannot be measured from it, and
    // one after the resolution records when someone wrote the postmortem (`rootcause` is accepted then), not when
    // the cause was found: neither is stated, and a later entry does not stand in for the first.
    private static TimeSpan? RootCauseFound(Incident incident, IReadOnlyList<TimelineEntry> entries)
    {
        var found = entries.Where(e => !e.Deleted && e.Has(TimelineTag.RootCause)).Select(e => (DateTimeOffset?)e.At).Min();
        return found is { } at && at >= incident.ClockStart && (incident.Resolved is not { } resolved || at <= resolved.At)
            ? at - incident.ClockStart
            : null;
    }
}
