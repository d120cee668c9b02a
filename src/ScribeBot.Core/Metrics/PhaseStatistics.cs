using System.Buffers;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// The median time per phase over a period (<see cref="PhaseDurations"/>): over every incident and by severity, each
/// phase over the incidents that had it known. The stats page and the <c>stats</c> command show it.
/// </summary>
public sealed record PhaseStatistics(PhaseSummary Overall, IReadOnlyList<PhaseSummary> BySeverity)
{
    /// <summary>Every phase, in the order <see cref="PhaseSummary.Phases"/> holds them.</summary>
    public static IReadOnlyList<Phase> Phases { get; } = Enum.GetValues<Phase>();

    // After Phases: static fields are set in the order they are written.
    public static readonly PhaseStatistics None = new(new PhaseSummary(null, 0, new PhaseMedian?[Phases.Count]), []);

    /// <summary>
    /// One pass over the incidents lays each phase's known values out severity after severity (a counting sort: each
    /// severity's run starts where its incidents would, in that phase's own region), then each run's median and the
    /// overall one are selected, not sorted. Only the median is asked for, so no mean or percentile is paid for.
    /// </summary>
    /// <param name="measures">The incidents.</param>
    /// <param name="severities">The severities that occur, in order.</param>
    /// <param name="bySeverity">Each incident's position in <paramref name="severities"/>.</param>
    internal static PhaseStatistics Compute(IReadOnlyList<IncidentMeasure> measures, Severity[] severities, MeasureGrouping bySeverity)
    {
        var n = measures.Count;
        var sizes = bySeverity.Sizes();
        var starts = new int[severities.Length];
        for (var s = 1; s < severities.Length; s++)
        {
            starts[s] = starts[s - 1] + sizes[s - 1];
        }

        // ends[p * severities + s]: where phase p's next value of severity s goes, in phase p's region of n values.
        var ends = new int[Phases.Count * severities.Length];
        for (var p = 0; p < Phases.Count; p++)
        {
            for (var s = 0; s < severities.Length; s++)
            {
                ends[(p * severities.Length) + s] = (p * n) + starts[s];
            }
        }

        var values = ArrayPool<long>.Shared.Rent(Math.Max(1, Phases.Count * n));
        try
        {
            for (var i = 0; i < n; i++)
            {
                var phases = measures[i].Phases;
                var group = bySeverity.GroupOf[i];
                for (var p = 0; p < Phases.Count; p++)
                {
                    if (phases.Get((Phase)p) is { } value)
                    {
                        values[ends[(p * severities.Length) + group]++] = value.Ticks;
                    }
                }
            }

            var overall = new PhaseMedian?[Phases.Count];
            var groups = severities.Select(_ => new PhaseMedian?[Phases.Count]).ToArray();
            for (var p = 0; p < Phases.Count; p++)
            {
                // Each severity's run, then the runs moved together (the gaps were the unknown ones) for the overall median.
                var known = p * n;
                for (var s = 0; s < severities.Length; s++)
                {
                    var run = values.AsSpan((p * n) + starts[s], ends[(p * severities.Length) + s] - (p * n) - starts[s]);
                    groups[s][p] = MedianOf(run);
                    run.CopyTo(values.AsSpan(known));
                    known += run.Length;
                }

                overall[p] = MedianOf(values.AsSpan(p * n, known - (p * n)));
            }

            return new PhaseStatistics(
                new PhaseSummary(null, n, overall),
                [.. severities.Select((severity, s) => new PhaseSummary(severity, sizes[s], groups[s]))]);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(values);
        }
    }

    private static PhaseMedian? MedianOf(Span<long> ticks) =>
        ticks.IsEmpty ? null : new PhaseMedian(ticks.Length, TimeSpan.FromTicks(OrderStatistics.Median(ticks)));
}
