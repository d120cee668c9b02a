using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// Stats over a period: every incident counts; MTTA is over the acknowledged ones and MTTR over the resolved
/// ones, because an incident still open has no time to resolve yet (counting it as zero would flatter us).
/// </summary>
public sealed record IncidentStatistics(int Days, SeverityStatistics Overall, IReadOnlyList<SeverityStatistics> BySeverity)
{
    public static IncidentStatistics Compute(IReadOnlyCollection<IncidentMeasure> incidents, int days)
    {
        var bySeverity = incidents
            .GroupBy(i => i.Severity)
            .OrderBy(g => g.Key)
            .Select(g => Summarise(g.Key, g.ToArray()))
            .ToArray();
        return new IncidentStatistics(days, Summarise(null, incidents), bySeverity);
    }

    private static SeverityStatistics Summarise(Severity? severity, IReadOnlyCollection<IncidentMeasure> incidents) => new(
        severity,
        incidents.Count,
        DurationSummary.Of(incidents.Select(i => i.TimeToAcknowledge).OfType<TimeSpan>()),
        DurationSummary.Of(incidents.Select(i => i.TimeToResolve).OfType<TimeSpan>()));
}
