using ScribeBot.Core.Incidents;
using ScribeBot.Core.Paging;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// Stats over a period: every incident counts; MTTA is over the acknowledged ones and MTTR over the resolved
/// ones, because an incident still open has no time to resolve yet (counting it as zero would flatter us).
/// <see cref="Clocks"/> splits the same figures by where they were measured from (a page's trigger or the declaration);
/// <see cref="Phases"/> gives the time per phase of the response, overall and by severity.
/// </summary>
public sealed record IncidentStatistics(
    int Days, SeverityStatistics Overall, IReadOnlyList<SeverityStatistics> BySeverity, ClockStatistics Clocks)
{
    public PhaseStatistics Phases { get; init; } = PhaseStatistics.None;

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
        // Without a page every clock runs from the declaration: no grouping by source or service, nothing to pay for.
        var sources = SourcesIn(measures);
        var services = new List<string?>();
        MeasureGrouping[] groupings = sources.Length == 0
            ? [GroupBySeverity(measures, severities), GroupByPeriod(measures, boundaries)]
            : [GroupBySeverity(measures, severities), GroupByPeriod(measures, boundaries), GroupBySource(measures, sources), GroupByService(measures, services)];

        var (mtta, mttaGroups) = GroupedDurations.Summarise(measures, m => m.TimeToAcknowledge, groupings);
        var (mttr, mttrGroups) = GroupedDurations.Summarise(measures, m => m.TimeToResolve, groupings);
        var counts = groupings.Select(g => g.Sizes()).ToArray();

        var bySeverity = severities
            .Select((severity, s) => new SeverityStatistics(severity, counts[0][s], mttaGroups[0][s], mttrGroups[0][s]))
            .ToArray();
        var periods = Enumerable.Range(0, groupings[1].Count)
            .Select(p => new SeverityStatistics(null, counts[1][p], mttaGroups[1][p], mttrGroups[1][p]))
            .ToArray();
        var clocks = sources.Length == 0
            ? ClockStatistics.None
            : new ClockStatistics(
                measures.Count - counts[2][^1],
                Rows([.. sources.Select(s => (PageSource?)s), null], 2),
                Rows([.. services], 3));
        var totals = new IncidentStatistics(days, new SeverityStatistics(null, measures.Count, mtta, mttr), bySeverity, clocks)
        {
            Phases = PhaseStatistics.Compute(measures, severities, groupings[0]),
        };
        return new PeriodStatistics(totals, periods);

        // Most incidents first (ties in the keys' order), the declaration's row and the unnamed service's last.
        GroupStatistics<TKey>[] Rows<TKey>(TKey[] keys, int grouping) => keys
            .Select((key, k) => new GroupStatistics<TKey>(key, counts[grouping][k], mttaGroups[grouping][k], mttrGroups[grouping][k]))
            .Where(row => row.Count > 0)
            .OrderBy(row => row.Key is null)
            .ThenByDescending(row => row.Count)
            .ThenBy(row => row.Key)
            .ToArray();
    }

    /// <summary>The page sources that occur, in their declared order; empty when no incident was paged.</summary>
    private static PageSource[] SourcesIn(IReadOnlyList<IncidentMeasure> measures)
    {
        var found = new List<PageSource>();
        for (var i = 0; i < measures.Count; i++)
        {
            if (measures[i].PageSource is { } source && !found.Contains(source))
            {
                found.Add(source);
            }
        }

        found.Sort();
        return [.. found];
    }

    /// <summary>By page source, the last group holding the incidents measured from their declaration.</summary>
    private static MeasureGrouping GroupBySource(IReadOnlyList<IncidentMeasure> measures, PageSource[] sources)
    {
        var groupOf = new int[measures.Count];
        for (var i = 0; i < measures.Count; i++)
        {
            groupOf[i] = measures[i].PageSource is { } source ? Array.IndexOf(sources, source) : sources.Length;
        }

        return new MeasureGrouping(groupOf, sources.Length + 1);
    }

    /// <summary>The paged incidents by service, in order of first appearance (added to <paramref name="services"/>); unpaged ones in none.</summary>
    private static MeasureGrouping GroupByService(IReadOnlyList<IncidentMeasure> measures, List<string?> services)
    {
        // "" stands for a page that named no service: a measure never carries an empty name.
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var groupOf = new int[measures.Count];
        for (var i = 0; i < measures.Count; i++)
        {
            if (!measures[i].IsPaged)
            {
                groupOf[i] = -1;
                continue;
            }

            var name = measures[i].PagedService ?? "";
            if (!groups.TryGetValue(name, out var group))
            {
                group = services.Count;
                groups.Add(name, group);
                services.Add(name.Length == 0 ? null : name);
            }

            groupOf[i] = group;
        }

        return new MeasureGrouping(groupOf, services.Count);
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
