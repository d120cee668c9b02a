using ScribeBot.Core.Metrics;

namespace ScribeBot.Tests.Web;

public sealed class StatsReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 12, 0, 0, TimeSpan.Zero); // a Friday
    private static readonly Person Alice = new("U1", "Alice Ng");
    private static readonly IncidentClock Berlin = IncidentClock.For("Europe/Berlin");
    private static int _number;

    private static IncidentMeasure Incident(DateTimeOffset declared, TimeSpan? ack = null, TimeSpan? resolve = null, Severity severity = Severity.Sev2)
    {
        var number = Interlocked.Increment(ref _number);
        var channel = new ChannelRef(ChatPlatform.Slack, "T1", "C1");
        return IncidentMeasure.Of(new Incident
        {
            Id = Core.Incidents.Incident.MakeId(channel, number),
            Number = number,
            Channel = channel,
            Title = "t",
            Severity = severity,
            TimeZoneId = "UTC",
            Declared = new Milestone(declared, Alice),
            Acknowledged = ack is { } a ? new Milestone(declared + a, Alice) : null,
            Resolved = resolve is { } r ? new Milestone(declared + r, Alice) : null,
            Status = resolve is not null ? IncidentStatus.Resolved : ack is not null ? IncidentStatus.Acknowledged : IncidentStatus.Triggered,
        }, []);
    }

    [Theory]
    [InlineData(1, "Day")]
    [InlineData(14, "Day")]
    [InlineData(15, "Week")]
    [InlineData(182, "Week")]
    [InlineData(183, "Month")]
    [InlineData(3650, "Month")]
    public void The_bar_length_keeps_the_bar_count_readable(int days, string unit)
    {
        var report = StatsReport.Build([], days, Now, Berlin);

        Assert.Equal(unit, report.Unit.ToString());
        Assert.InRange(report.Buckets.Count, 1, 125);
    }

    [Fact]
    public void Weeks_start_on_monday_midnight_in_the_dashboards_zone_and_cover_the_period()
    {
        var report = StatsReport.Build([], 30, Now, Berlin);

        // 30 days before Fri, Mar 20 is Wed, Feb 18: its week began Mon, Feb 16, 00:00 CET (Feb 15, 23:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 2, 15, 23, 0, 0, TimeSpan.Zero), report.Buckets[0].Start);
        Assert.Equal(["Feb 16", "Feb 23", "Mar 2", "Mar 9", "Mar 16"], report.Buckets.Select(b => b.Label));
        Assert.All(report.Buckets.Zip(report.Buckets.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.True(report.Buckets[^1].End > Now);
    }

    [Fact]
    public void Months_follow_the_calendar_across_a_daylight_saving_change()
    {
        var report = StatsReport.Build([], 365, Now, Berlin);

        var april = report.Buckets.Single(b => b.Label == "Apr 2025");
        Assert.Equal(new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero), april.Start); // 00:00 CEST
        Assert.Equal("Mar 2025", report.Buckets[0].Label);
        Assert.Equal("Mar 2026", report.Buckets[^1].Label);
    }

    [Fact]
    public void Each_incident_counts_in_the_bar_of_its_declaration_and_outside_the_period_not_at_all()
    {
        IncidentMeasure[] incidents =
        [
            Incident(Now.AddDays(-1), ack: TimeSpan.FromMinutes(4), resolve: TimeSpan.FromHours(1)),
            Incident(Now.AddDays(-2), ack: TimeSpan.FromMinutes(10)),
            Incident(Now.AddDays(-9), ack: TimeSpan.FromMinutes(30), severity: Severity.Sev1),
            Incident(Now.AddDays(-40), ack: TimeSpan.FromDays(1)),
        ];

        var report = StatsReport.Build(incidents, 30, Now, Berlin);

        Assert.Equal(3, report.IncidentCount);
        var thisWeek = report.Buckets.Single(b => b.Label == "Mar 16").Stats;
        Assert.Equal((2, TimeSpan.FromMinutes(7), TimeSpan.FromHours(1)), (thisWeek.Count, thisWeek.Mtta!.Mean, thisWeek.Mttr!.Mean));
        Assert.Equal(TimeSpan.FromMinutes(30), report.Buckets.Single(b => b.Label == "Mar 9").Stats.Mtta!.Mean);
        Assert.Equal(0, report.Buckets.Single(b => b.Label == "Mar 2").Stats.Count);
        Assert.Equal([Severity.Sev1, Severity.Sev2], report.Totals.BySeverity.Select(s => s.Severity!.Value));
    }

    [Fact]
    public void The_charts_show_every_severity_and_say_what_a_missing_bar_means()
    {
        var report = StatsReport.Build([Incident(Now.AddDays(-1), ack: TimeSpan.FromMinutes(4))], 30, Now, Berlin);

        var chart = StatsCharts.MttrBySeverity(report);

        Assert.Equal(["SEV1", "SEV2", "SEV3", "SEV4"], chart.Bars.Select(b => b.Label));
        Assert.All(chart.Bars, b => Assert.Null(b.Value));
        Assert.Equal(["SEV1: no incidents", "SEV2: none of 1 incident resolved"], chart.Bars.Take(2).Select(b => b.Tooltip));
        Assert.Equal("No resolved incidents in the last 30 days", chart.EmptyText);
        Assert.Equal(TimeSpan.FromMinutes(4), StatsCharts.MttaBySeverity(report).Bars[1].Value);
    }
}
