using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Facts;

/// <summary>
/// The outage as the Issue Summary states it (<see cref="IncidentFacts"/>): its start and, once its end is known, its
/// length, flagged when the times it rests on are in an impossible order. A tagged detection or resolution message can
/// move either end, so a list that shows many incidents reads this from its store, which keeps it beside each incident
/// and refreshes it when the incident or a tagged entry changes, rather than loading every listed timeline.
/// </summary>
public readonly record struct OutageWindow(DateTimeOffset Start, MeasuredSpan? Length)
{
    /// <summary>The outage of <paramref name="facts"/>.</summary>
    public static OutageWindow Of(IncidentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new OutageWindow(facts.ImpactStart.At, facts.Times.Outage);
    }

    /// <summary>The outage of <paramref name="incident"/> with its stored <paramref name="entries"/> (only tagged ones matter).</summary>
    public static OutageWindow Of(Incident incident, IReadOnlyList<TimelineEntry> entries) => Of(IncidentFacts.Of(incident, entries));
}
