using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Document;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>The diagram: the phases between the incident's known instants, and the timeline's events.</summary>
internal static class DiagramSection
{
    public static PostmortemDiagram Build(Incident incident, List<TimelineItem> items, IncidentClock clock)
    {
        var facts = incident.KnownInstants();
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

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
