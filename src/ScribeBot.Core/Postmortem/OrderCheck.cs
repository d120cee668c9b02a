using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem;

/// <summary>
/// Checks impact began &lt;= detected &lt;= declared &lt;= acknowledged &lt;= resolved, skipping unknown instants.
/// Only neighbours among the known instants are compared, so one wrong time yields one warning, not four.
/// </summary>
public static class OrderCheck
{
    public static IReadOnlyList<(IncidentFact Fact, DateTimeOffset At)> KnownFacts(Incident incident)
    {
        var facts = new List<(IncidentFact, DateTimeOffset)>(5);
        if (incident.ImpactBegan is { } began)
        {
            facts.Add((IncidentFact.ImpactBegan, began.At));
        }

        if (incident.Detected is { } detected)
        {
            facts.Add((IncidentFact.Detected, detected.At));
        }

        facts.Add((IncidentFact.Declared, incident.Declared.At));
        if (incident.Acknowledged is { } ack)
        {
            facts.Add((IncidentFact.Acknowledged, ack.At));
        }

        if (incident.Resolved is { } resolved)
        {
            facts.Add((IncidentFact.Resolved, resolved.At));
        }

        return facts;
    }

    public static IReadOnlyList<OrderWarning> Find(Incident incident, IncidentClock clock)
    {
        var facts = KnownFacts(incident);
        List<OrderWarning>? warnings = null;
        for (var i = 1; i < facts.Count; i++)
        {
            var (earlier, earlierAt) = facts[i - 1];
            var (later, laterAt) = facts[i];
            if (earlierAt <= laterAt)
            {
                continue;
            }

            var message = new ChatTextBuilder()
                .Strong("Impossible order: ")
                .Plain($"{Name(later)} ({clock.DayAndTime(laterAt)} {clock.Abbreviation(laterAt)}) is recorded before ")
                .Plain($"{Name(earlier)} ({clock.DayAndTime(earlierAt)} {clock.Abbreviation(earlierAt)}), ")
                .Plain($"but {Name(earlier)} cannot come after {Name(later)}. ")
                .Plain("Durations that depend on these times are not stated until one of them is corrected.")
                .Build();
            (warnings ??= []).Add(new OrderWarning(earlier, earlierAt, later, laterAt, message));
        }

        return warnings ?? (IReadOnlyList<OrderWarning>)[];
    }

    /// <summary>True when a warning concerns two instants within <paramref name="from"/>..<paramref name="to"/>,
    /// i.e. a duration between these two facts would rest on a wrong time.</summary>
    public static bool Spoils(IReadOnlyList<OrderWarning> warnings, IncidentFact from, IncidentFact to) =>
        warnings.Any(w => w.Earlier >= from && w.Later <= to);

    public static string Name(IncidentFact fact) => fact switch
    {
        IncidentFact.ImpactBegan => "impact began",
        IncidentFact.Detected => "detected",
        IncidentFact.Declared => "declared",
        IncidentFact.Acknowledged => "acknowledged",
        IncidentFact.Resolved => "resolved",
        _ => fact.ToString(),
    };
}
