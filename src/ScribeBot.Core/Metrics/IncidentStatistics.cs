using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// Stats over a period: every incident counts; MTTA is over the acknowledged ones and MTTR over the resolved
/// ones, because an incident still open has no time to resolve yet (counting it as zero would flatter us).
/// </summary>
public sealed record IncidentStatistics(int Days, SeverityStatistics Overall, IReadOnlyList<SeverityStatistics> BySeverity)
{
    public static IncidentStatistics Compute(IReadOnlyCollection<IncidentMeasure> incidents, int days) =>
        ComputeOverPeriods(incidents, days, []).Totals;

    /// <summary>
    /// The statistics of <paramref name="incidents"/>, and the same for the incidents declared in each period between
    /// consecutive <paramref name="boundaries"/> (ascending; period k is [boundaries[k], boundaries[k + 1])).
    /// </summary>
    public static PeriodStatistics ComputeOverPeriods(
        IReadOnlyCollection<IncidentMeasure> incidents, int days, IReadOnlyList<DateTimeOffset> boundaries)
    {
        var measures = incidents as IReadOnlyList<IncidentMeasure> ?? [.. incidents];
        var severities = SeveritiesIn(measures);
        MeasureGrouping[] groupings = [GroupBySeverity(measures, severities), GroupByPeriod(measures, boundaries)];

        var (mtta, mttaGroups) = GroupedDurations.Summarise(measures, m => m.TimeToAcknowledge, groupings);
        var (mttr, mttrGroups) = GroupedDurations.Summarise(measures, m => m.TimeToResolve, groupings);
        var counts = groupings.Select(g => g.Sizes()).ToArray();

        var bySeverity = severities
            .Select((severity, s) => new SeverityStatistics(severity, counts[0][s], mttaGroups[0][s], mttrGroups[0][s]))
            .ToArray();
        var periods = Enumerable.Range(0, groupings[1].Count)
            .Select(p => new SeverityStatistics(null, counts[1][p], mttaGroups[1][p], mttrGroups[1][p]))
            .ToArray();
        var totals = new IncidentStatistics(days, new SeverityStatistics(null, measures.Count, mtta, mttr), bySeverity);
        return new PeriodStatistics(totals, periods);
    }

    /// <summary>The severities that occur, in order; a handful, so a list beats hashing every incident.</summary>
    private static Severity[] SeveritiesIn(IReadOnlyList<IncidentMeasure> measures)
    {
        var found = new List<Severity>();
        for (var i = 0; i < measures.Count; i++)
        {
            if (!found.Contains(measures[i].Severity))
            {
                found.Add(measures[i].Severity);
            }
        }

        found.Sort();
        return [.. found];
    }

    private static MeasureGrouping GroupBySeverity(IReadOnlyList<IncidentMeasure> measures, Severity[] severities)
    {
        var groupOf = new int[measures.Count];
        for (var i = 0; i < measures.Count; i++)
        {
            groupOf[i] = Array.IndexOf(severities, measures[i].Severity);
        }

        return new MeasureGrouping(groupOf, severities.Length);
    }

    private static MeasureGrouping GroupByPeriod(IReadOnlyList<IncidentMeasure> measures, IReadOnlyList<DateTimeOffset> boundaries)
    {
        var periods = Math.Max(0, boundaries.Count - 1);
        var starts = boundaries.Select(b => b.UtcTicks).ToArray();
        var groupOf = new int[measures.Count];
        for (var i = 0; i < measures.Count; i++)
        {
            groupOf[i] = PeriodOf(starts, measures[i].Declared.UtcTicks, periods);
        }

        return new MeasureGrouping(groupOf, periods);
    }

    /// <summary>The k with starts[k] &lt;= declared &lt; starts[k + 1], or -1 outside every period.</summary>
    private static int PeriodOf(long[] starts, long declared, int periods)
    {
        if (periods == 0 || declared < starts[0] || declared >= starts[periods])
        {
            return -1;
        }

        var found = starts.AsSpan().BinarySearch(declared);
        return found >= 0 ? found : ~found - 1;
    }
}
