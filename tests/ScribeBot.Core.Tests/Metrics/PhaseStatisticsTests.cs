using ScribeBot.Core.Metrics;

namespace ScribeBot.Core.Tests.Metrics;

/// <summary>The median of each phase over a period, overall and by severity, over the incidents that had it known.</summary>
public sealed class PhaseStatisticsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static IncidentMeasure Measure(Severity severity, int? detect = null, int? ack = null, int? rootCause = null, int? resolve = null, int? lost = null) =>
        new(T0, severity, null, null, Phases: new PhaseDurations(Minutes(detect), Minutes(ack), Minutes(rootCause), Minutes(resolve), Minutes(lost)));

    private static TimeSpan? Minutes(int? minutes) => minutes is { } m ? TimeSpan.FromMinutes(m) : null;

    [Fact]
    public void Each_phase_has_its_median_and_count_overall_and_per_severity()
    {
        IncidentMeasure[] measures =
        [
            Measure(Severity.Sev1, detect: 10, ack: 2, resolve: 60, lost: 20),
            Measure(Severity.Sev1, detect: 4, ack: 4, rootCause: 30, resolve: 40),
            Measure(Severity.Sev1, ack: 9, resolve: 50),
            Measure(Severity.Sev3, ack: 1, rootCause: 10),
            Measure(Severity.Sev3),
        ];

        var phases = IncidentStatistics.Compute(measures, 30).Phases;

        var sev1 = phases.BySeverity.Single(s => s.Severity == Severity.Sev1);
        Assert.Equal(3, sev1.Count);
        Assert.Equal((TimeSpan.FromMinutes(7), 2), Median(sev1, Phase.Detect));
        Assert.Equal((TimeSpan.FromMinutes(4), 3), Median(sev1, Phase.Acknowledge));
        Assert.Equal((TimeSpan.FromMinutes(30), 1), Median(sev1, Phase.RootCause));
        Assert.Equal((TimeSpan.FromMinutes(50), 3), Median(sev1, Phase.Resolve));
        Assert.Equal((TimeSpan.FromMinutes(20), 1), Median(sev1, Phase.TimeLost));

        var sev3 = phases.BySeverity.Single(s => s.Severity == Severity.Sev3);
        Assert.Equal(2, sev3.Count);
        Assert.Null(sev3.Of(Phase.Detect));
        Assert.Equal((TimeSpan.FromMinutes(1), 1), Median(sev3, Phase.Acknowledge));
        Assert.Null(sev3.Of(Phase.TimeLost));

        Assert.Equal([Severity.Sev1, Severity.Sev3], phases.BySeverity.Select(s => s.Severity));
        Assert.Null(phases.Overall.Severity);
        Assert.Equal(5, phases.Overall.Count);
        Assert.Equal((TimeSpan.FromMinutes(3), 4), Median(phases.Overall, Phase.Acknowledge));
        Assert.Equal((TimeSpan.FromMinutes(20), 2), Median(phases.Overall, Phase.RootCause));
        Assert.Equal((TimeSpan.FromMinutes(50), 3), Median(phases.Overall, Phase.Resolve));
    }

    [Fact]
    public void No_incidents_give_no_phase()
    {
        var phases = IncidentStatistics.Compute([], 30).Phases;

        Assert.Empty(phases.BySeverity);
        Assert.Equal(0, phases.Overall.Count);
        Assert.All(PhaseStatistics.Phases, phase => Assert.Null(phases.Overall.Of(phase)));
    }

    [Fact]
    public void Medians_agree_with_sorting_for_many_incidents_of_every_severity()
    {
        var random = new Random(17);
        int? Maybe() => random.Next(3) == 0 ? null : random.Next(0, 5_000);
        var measures = Enumerable.Range(0, 2_001)
            .Select(_ => Measure((Severity)random.Next(4), Maybe(), Maybe(), Maybe(), Maybe(), Maybe()))
            .ToArray();

        var phases = IncidentStatistics.Compute(measures, 365).Phases;

        foreach (var summary in phases.BySeverity.Append(phases.Overall))
        {
            var incidents = measures.Where(m => summary.Severity is null || m.Severity == summary.Severity).ToArray();
            Assert.Equal(incidents.Length, summary.Count);
            foreach (var phase in PhaseStatistics.Phases)
            {
                var known = incidents.Select(m => m.Phases.Get(phase)).OfType<TimeSpan>().Order().ToArray();
                var sorted = known.Length % 2 == 1
                    ? known[known.Length / 2]
                    : TimeSpan.FromTicks((known[(known.Length / 2) - 1].Ticks + known[known.Length / 2].Ticks) / 2);
                Assert.Equal((sorted, known.Length), Median(summary, phase));
            }
        }
    }

    private static (TimeSpan Median, int Count) Median(PhaseSummary summary, Phase phase) =>
        summary.Of(phase) is { } s ? (s.Median, s.Count) : throw new Xunit.Sdk.XunitException($"{phase} has no median");
}
