using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Metrics;

/// <summary>
/// Time per phase over a period (<see cref="PhaseDurations"/>): over every incident and by severity, each phase
/// summarised over the incidents that had it known. The stats page and the <c>stats</c> command show its medians.
/// </summary>
public sealed record PhaseStatistics(PhaseSummary Overall, IReadOnlyList<PhaseSummary> BySeverity)
{
    /// <summary>Every phase, in the order <see cref="PhaseSummary.Phases"/> holds them.</summary>
    public static IReadOnlyList<Phase> Phases { get; } = Enum.GetValues<Phase>();

    // After Phases: static fields are set in the order they are written.
    public static readonly PhaseStatistics None = new(new PhaseSummary(null, 0, new DurationSummary?[Phases.Count]), []);

    /// <param name="measures">The incidents.</param>
    /// <param name="severities">The severities that occur, in order.</param>
    /// <param name="bySeverity">Each incident's position in <paramref name="severities"/>.</param>
    internal static PhaseStatistics Compute(IReadOnlyList<IncidentMeasure> measures, Severity[] severities, MeasureGrouping bySeverity)
    {
        var overall = new DurationSummary?[Phases.Count];
        var groups = severities.Select(_ => new DurationSummary?[Phases.Count]).ToArray();
        foreach (var phase in Phases)
        {
            var (all, byGrouping) = GroupedDurations.Summarise(measures, m => m.Phases.Get(phase), [bySeverity]);
            overall[(int)phase] = all;
            for (var s = 0; s < severities.Length; s++)
            {
                groups[s][(int)phase] = byGrouping[0][s];
            }
        }

        var counts = bySeverity.Sizes();
        return new PhaseStatistics(
            new PhaseSummary(null, measures.Count, overall),
            [.. severities.Select((severity, s) => new PhaseSummary(severity, counts[s], groups[s]))]);
    }
}
