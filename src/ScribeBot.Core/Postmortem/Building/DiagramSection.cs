using ScribeBot.Core.Facts;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Document;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>
/// The diagram: the phases between the Issue Summary's own instants (<see cref="IncidentFacts"/>: impact began,
/// detected, declared, acknowledged, recovered, resolved, each when known), so the picture and the summary state one
/// duration, and the timeline's events.
/// </summary>
internal static class DiagramSection
{
    public static PostmortemDiagram Build(IncidentFacts known, List<TimelineItem> items, IncidentClock clock)
    {
        var incident = known.Incident;
        var facts = Instants(known);
        var phases = new List<DiagramPhase>(4);
        for (var i = 1; i < facts.Count; i++)
        {
            var (from, fromAt) = facts[i - 1];
            var (to, toAt) = facts[i];
            if (toAt > fromAt)
            {
                phases.Add(new DiagramPhase($"{Capitalised(OrderCheck.Name(from))} to {OrderCheck.Name(to)}", clock.Local(fromAt), clock.Local(toAt), Ongoing: false));
            }
        }

        if (incident.Resolved is null && items.Count > 0)
        {
            var (last, lastAt) = facts[^1];
            var latest = items.Max(i => i.At);
            if (latest > lastAt)
            {
                phases.Add(new DiagramPhase($"{Capitalised(OrderCheck.Name(last))}, ongoing", clock.Local(lastAt), clock.Local(latest), Ongoing: true));
            }
        }

        var events = items
            .Where(i => i.Origin != TimelineItemOrigin.Milestone)
            .Select(i => new DiagramEvent(i.Kind, $"{i.Author?.DisplayName} - {i.Text.ToPlainString()}", clock.Local(i.At)) { Tags = i.Tags })
            .ToList();
        return new PostmortemDiagram($"{incident.DisplayId}: {incident.Title}", phases, events) { Precision = clock.Precision };
    }

    // In the order an outage runs. The recovery is drawn only where it follows the instants before it: one recorded
    // before the acknowledgement would make phases overlap (the summary's order warnings speak of such times).
    private static List<IncidentInstant> Instants(IncidentFacts known)
    {
        var instants = new List<IncidentInstant>(6);
        if (known.ImpactStart.Fact == IncidentFact.ImpactBegan)
        {
            instants.Add(known.ImpactStart);
        }

        if (known.Detection.IsKnown)
        {
            instants.Add(new IncidentInstant(IncidentFact.Detected, known.Detection.At));
        }

        instants.Add(new IncidentInstant(IncidentFact.Declared, known.Declared.At));
        if (known.Acknowledged is { } acknowledged)
        {
            instants.Add(new IncidentInstant(IncidentFact.Acknowledged, acknowledged.At));
        }

        if (known.Recovery is { } recovery && recovery.At >= instants[^1].At
            && (known.Resolved is not { } resolvedAt || recovery.At < resolvedAt.At))
        {
            instants.Add(new IncidentInstant(IncidentFact.Recovered, recovery.At));
        }

        if (known.Resolved is { } resolved)
        {
            instants.Add(new IncidentInstant(IncidentFact.Resolved, resolved.At));
        }

        return instants;
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
