using ScribeBot.Core.Metrics;

namespace ScribeBot.Core.Tests.Metrics;

public sealed class IncidentStatisticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Mtta_counts_the_acknowledged_and_mttr_the_resolved_per_severity_in_order()
    {
        IncidentMeasure[] incidents =
        [
            new(Now.AddDays(-1), Severity.Sev3, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2)),
            new(Now.AddDays(-2), Severity.Sev1, TimeSpan.FromMinutes(1), null),
            new(Now.AddDays(-3), Severity.Sev1, null, null),
            new(Now.AddDays(-4), Severity.Sev1, TimeSpan.FromMinutes(3), TimeSpan.FromHours(1)),
        ];

        var statistics = IncidentStatistics.Compute(incidents, 30);

        Assert.Equal((4, 3, 2), (statistics.Overall.Count, statistics.Overall.Mtta!.Count, statistics.Overall.Mttr!.Count));
        Assert.Equal([Severity.Sev1, Severity.Sev3], statistics.BySeverity.Select(s => s.Severity!.Value));
        var sev1 = statistics.BySeverity[0];
        Assert.Equal((3, TimeSpan.FromMinutes(2), TimeSpan.FromHours(1)), (sev1.Count, sev1.Mtta!.Median, sev1.Mttr!.Mean));
    }

    [Fact]
    public void The_whole_each_severity_and_each_period_hold_what_computing_their_incidents_alone_gives_and_its_edges_belong_to_the_later_period()
    {
        var random = new Random(11);
        DateTimeOffset[] boundaries = [Now.AddDays(-30), Now.AddDays(-20), Now.AddDays(-10), Now];
        var incidents = Enumerable.Range(0, 600)
            .Select(_ => new IncidentMeasure(
                Now.AddHours(-random.Next(0, 24 * 35)),
                (Severity)random.Next(1, 5),
                random.Next(4) == 0 ? null : TimeSpan.FromSeconds(random.Next(1, 3600)),
                random.Next(3) == 0 ? null : TimeSpan.FromSeconds(random.Next(600, 200_000))))
            .Append(new IncidentMeasure(boundaries[1], Severity.Sev2, TimeSpan.FromMinutes(1), null))
            .ToArray();

        var statistics = IncidentStatistics.ComputeOverPeriods(incidents, 35, boundaries);

        Assert.Equal(Summarised(incidents), statistics.Totals.Overall);
        Assert.Equal(
            incidents.GroupBy(i => i.Severity).OrderBy(g => g.Key).Select(g => Summarised([.. g]) with { Severity = g.Key }),
            statistics.Totals.BySeverity);
        Assert.Equal(3, statistics.Periods.Count);
        for (var p = 0; p < 3; p++)
        {
            var alone = incidents.Where(i => i.Declared >= boundaries[p] && i.Declared < boundaries[p + 1]).ToArray();
            Assert.Equal(Summarised(alone), statistics.Periods[p]);
        }
    }

    // Computed group by group with the one-set summary, as the statistics were before they were grouped in one pass.
    private static SeverityStatistics Summarised(IncidentMeasure[] incidents) => new(
        null,
        incidents.Length,
        DurationSummary.Of(incidents.Select(i => i.TimeToAcknowledge).OfType<TimeSpan>()),
        DurationSummary.Of(incidents.Select(i => i.TimeToResolve).OfType<TimeSpan>()));
}
