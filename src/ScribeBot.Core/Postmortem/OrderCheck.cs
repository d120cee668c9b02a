using ScribeBot.Core.Incidents;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem;

/// <summary>
/// Words the incident's impossible-order rule (<see cref="Incident.OrderConflicts"/>: impact began &lt;= detected
/// &lt;= declared &lt;= acknowledged &lt;= resolved, skipping unknown instants) as the draft's warnings.
/// </summary>
public static class OrderCheck
{
    /// <summary>The draft's warning lines for the incident's <see cref="Incident.OrderConflicts"/>.</summary>
    public static IReadOnlyList<OrderWarning> Find(Incident incident, IncidentClock clock) =>
        [.. incident.OrderConflicts().Select(conflict => Warning(conflict, clock))];

    private static OrderWarning Warning(OrderConflict conflict, IncidentClock clock)
    {
        var ((earlier, earlierAt), (later, laterAt)) = (conflict.Earlier, conflict.Later);
        var message = new ChatTextBuilder()
            .Strong("Impossible order: ")
            .Plain($"{Name(later)} ({clock.DayAndTime(laterAt)} {clock.Abbreviation(laterAt)}) is recorded before ")
            .Plain($"{Name(earlier)} ({clock.DayAndTime(earlierAt)} {clock.Abbreviation(earlierAt)}), ")
            .Plain($"but {Name(earlier)} cannot come after {Name(later)}. ")
            .Plain("Durations that depend on these times are not stated until one of them is corrected.")
            .Build();
        return new OrderWarning(earlier, earlierAt, later, laterAt, message);
    }

    public static string Name(IncidentFact fact) => fact switch
    {
        IncidentFact.ImpactBegan => "impact began",
        IncidentFact.Detected => "detected",
        IncidentFact.Declared => "declared",
        IncidentFact.Acknowledged => "acknowledged",
        IncidentFact.Resolved => "resolved",
        IncidentFact.Recovered => "recovered",
        _ => fact.ToString(),
    };
}
