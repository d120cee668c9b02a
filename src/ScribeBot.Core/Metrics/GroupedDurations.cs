using System.Buffers;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// One duration (time to acknowledge or to resolve) summarised over every incident and over each group of several
/// groupings (severity, chart bar). Each summary costs a few passes over its group's values (<see cref="OrderStatistics"/>),
/// so a year of a large organisation's incidents costs a few passes per grouping, not a sort per group. The working
/// arrays are pooled: at tens of thousands of incidents each would otherwise be a large-object allocation per request.
/// </summary>
internal static class GroupedDurations
{
    public static (DurationSummary? All, DurationSummary?[][] ByGrouping) Summarise(
        IReadOnlyList<IncidentMeasure> incidents, Func<IncidentMeasure, TimeSpan?> duration, IReadOnlyList<MeasureGrouping> groupings)
    {
        var ticks = ArrayPool<long>.Shared.Rent(incidents.Count);
        var owners = ArrayPool<int>.Shared.Rent(incidents.Count);
        var scratch = ArrayPool<long>.Shared.Rent(incidents.Count);
        try
        {
            var count = 0;
            for (var i = 0; i < incidents.Count; i++)
            {
                if (duration(incidents[i]) is { } value)
                {
                    (ticks[count], owners[count]) = (value.Ticks, i);
                    count++;
                }
            }

            var byGrouping = new DurationSummary?[groupings.Count][];
            for (var g = 0; g < groupings.Count; g++)
            {
                byGrouping[g] = SummariseGroups(ticks.AsSpan(0, count), owners.AsSpan(0, count), groupings[g], scratch);
            }

            return (DurationSummary.OfTicks(ticks.AsSpan(0, count)), byGrouping);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ticks);
            ArrayPool<int>.Shared.Return(owners);
            ArrayPool<long>.Shared.Return(scratch);
        }
    }

    /// <summary>Lays the durations out group after group in <paramref name="scratch"/> and summarises each group's run.</summary>
    private static DurationSummary?[] SummariseGroups(
        ReadOnlySpan<long> ticks, ReadOnlySpan<int> owners, MeasureGrouping grouping, long[] scratch)
    {
        var starts = new int[grouping.Count + 1];
        foreach (var owner in owners)
        {
            if (grouping.GroupOf[owner] is var group and >= 0)
            {
                starts[group + 1]++;
            }
        }

        for (var group = 0; group < grouping.Count; group++)
        {
            starts[group + 1] += starts[group];
        }

        var next = starts[..^1];
        for (var i = 0; i < ticks.Length; i++)
        {
            if (grouping.GroupOf[owners[i]] is var group and >= 0)
            {
                scratch[next[group]++] = ticks[i];
            }
        }

        var summaries = new DurationSummary?[grouping.Count];
        for (var group = 0; group < grouping.Count; group++)
        {
            summaries[group] = DurationSummary.OfTicks(scratch.AsSpan(starts[group], starts[group + 1] - starts[group]));
        }

        return summaries;
    }
}
