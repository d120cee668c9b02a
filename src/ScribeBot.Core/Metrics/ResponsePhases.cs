using ScribeBot.Core.Facts;
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
    public static ResponsePhases Of(Incident incident, IReadOnlyList<TimelineEntry> entries) => Of(IncidentFacts.Of(incident, entries));

    /// <summary>The phases of <paramref name="facts"/>: the same detection, root cause and clock the draft states.</summary>
    public static ResponsePhases Of(IncidentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var times = facts.Times;
        return new ResponsePhases(Stated(times.ToDetect), Stated(times.ToAcknowledge), RootCauseFound(facts), Stated(times.ToResolve))
        {
            Page = times.Page,
        };

        static TimeSpan? Stated(MeasuredSpan? span) => span is { ImpossibleOrder: false } value ? value.Value : null;
    }

    // The root cause was found at IncidentFacts.RootCauseFound (the first root-cause entry up to the resolve). One
    // before the clock started cannot be measured from it: it is not stated.
    private static TimeSpan? RootCauseFound(IncidentFacts facts)
    {
        var clockStart = facts.Incident.ClockStart;
        return facts.RootCauseFound is { At: var at } && at >= clockStart ? at - clockStart : null;
    }
}
