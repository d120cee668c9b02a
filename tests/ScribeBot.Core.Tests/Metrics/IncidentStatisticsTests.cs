using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;

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

    [Fact]
    public void Paged_incidents_are_summarised_by_source_and_service_and_the_rest_as_measured_from_the_declaration()
    {
        IncidentMeasure[] incidents =
        [
            new(Now.AddDays(-1), Severity.Sev1, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(30), PageSource.PagerDuty, "checkout-api"),
            new(Now.AddDays(-2), Severity.Sev2, TimeSpan.FromMinutes(6), TimeSpan.FromMinutes(50), PageSource.PagerDuty, "payments"),
            new(Now.AddDays(-3), Severity.Sev2, TimeSpan.FromMinutes(10), null, PageSource.Alertmanager, "checkout-api"),
            new(Now.AddDays(-4), Severity.Sev3, TimeSpan.FromMinutes(1), TimeSpan.FromHours(2), PageSource.Grafana),
            new(Now.AddDays(-5), Severity.Sev3, TimeSpan.FromMinutes(20), TimeSpan.FromHours(3)),
            new(Now.AddDays(-6), Severity.Sev4, null, null),
        ];

        var clocks = IncidentStatistics.Compute(incidents, 30).Clocks;

        Assert.Equal(4, clocks.Paged);
        Assert.Equal([PageSource.PagerDuty, PageSource.Alertmanager, PageSource.Grafana, null], clocks.BySource.Select(s => s.Key));
        var pagerDuty = clocks.BySource[0];
        Assert.Equal(2, pagerDuty.Count);
        Assert.Equal(TimeSpan.FromMinutes(5), pagerDuty.Mtta!.Median);
        Assert.Equal(TimeSpan.FromMinutes(40), pagerDuty.Mttr!.Median);
        var declared = clocks.BySource[^1];
        Assert.Equal((2, 1, 1), (declared.Count, declared.Mtta!.Count, declared.Mttr!.Count));
        Assert.Equal(TimeSpan.FromMinutes(20), declared.Mtta.Median);

        Assert.Equal(["checkout-api", "payments", null], clocks.ByService.Select(s => s.Key));
        var checkout = clocks.ByService[0];
        Assert.Equal((2, TimeSpan.FromMinutes(7), 1), (checkout.Count, checkout.Mtta!.Median, checkout.Mttr!.Count));
        Assert.Equal(
            "MTTA and MTTR run from the page for 4 of 6 incidents (PagerDuty 2, Alertmanager 1, Grafana 1), from the declaration for the others.",
            clocks.Describe(6));
    }

    [Fact]
    public void Without_a_page_there_is_no_split_by_clock()
    {
        IncidentMeasure[] incidents = [new(Now.AddDays(-1), Severity.Sev1, TimeSpan.FromMinutes(4), null)];

        var statistics = IncidentStatistics.Compute(incidents, 30);

        Assert.Same(ClockStatistics.None, statistics.Clocks);
    }

    [Fact]
    public void When_every_incident_was_paged_the_clock_sentence_says_all()
    {
        IncidentMeasure[] incidents =
        [
            new(Now.AddDays(-1), Severity.Sev1, TimeSpan.FromMinutes(4), null, PageSource.Opsgenie, "search"),
            new(Now.AddDays(-2), Severity.Sev1, TimeSpan.FromMinutes(6), null, PageSource.Opsgenie, "search"),
        ];

        var clocks = IncidentStatistics.Compute(incidents, 30).Clocks;

        Assert.Equal([PageSource.Opsgenie], clocks.BySource.Select(s => s.Key));
        Assert.Equal("MTTA and MTTR run from the page for all 2 incidents (Opsgenie 2).", clocks.Describe(2));
    }

    // Computed group by group with the one-set summary, as the statistics were before they were grouped in one pass.
    private static SeverityStatistics Summarised(IncidentMeasure[] incidents) => new(
        null,
        incidents.Length,
        DurationSummary.Of(incidents.Select(i => i.TimeToAcknowledge).OfType<TimeSpan>()),
        DurationSummary.Of(incidents.Select(i => i.TimeToResolve).OfType<TimeSpan>()));
}
