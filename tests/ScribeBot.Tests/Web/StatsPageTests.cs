namespace ScribeBot.Tests.Web;

public sealed class StatsPageTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private static readonly XNamespace Svg = SvgWriter.Namespace;

    private ScribeBotApplication Host => fixture.Host;

    private static List<XElement> Bars(XElement svg) =>
        svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") is "bar" or "bar no-data").ToList();

    private static XElement Chart(List<XElement> svgs, string id) =>
        svgs.Single(s => ((string?)s.Attribute("aria-labelledby"))?.StartsWith(id + "-title", StringComparison.Ordinal) == true);

    [Fact]
    public async Task Stats_chart_mtta_and_mttr_per_week_and_by_severity()
    {
        var html = await Host.PageAsync("/stats");

        var svgs = Html.Svgs(html);
        Assert.Equal(
            ["MTTA per week, last 30 days", "MTTR per week, last 30 days", "MTTA by severity, last 30 days", "MTTR by severity, last 30 days"],
            svgs.Select(s => s.Element(Svg + "title")!.Value));

        // Feb 18 (30 days before Fri, Mar 20) falls in the week of Mon, Feb 16.
        var mttaWeeks = Bars(Chart(svgs, "mtta-over-time"));
        Assert.Equal(["Mar 2", "Mar 9"], new[] { mttaWeeks[2], mttaWeeks[3] }.Select(b => b.Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "label").Value));
        Assert.Equal(5, mttaWeeks.Count);
        Assert.Equal("bar no-data", (string?)mttaWeeks[1].Attribute("class"));
        Assert.Equal("Week of Feb 23, 2026: none of 26 incidents acknowledged", mttaWeeks[1].Element(Svg + "title")!.Value);
        Assert.Equal(
            "Week of Mar 16, 2026: mean 5 minutes, 20 seconds, median 4 minutes, p90 10 minutes (3 acknowledged of 3 incidents)",
            mttaWeeks[4].Element(Svg + "title")!.Value);

        var mttrBySeverity = Bars(Chart(svgs, "mttr-by-severity"));
        Assert.Equal(
            [
                "SEV1: mean 2 hours, median 2 hours, p90 2 hours (1 resolved of 1 incident)",
                "SEV2: mean 50 minutes, median 50 minutes, p90 50 minutes (1 resolved of 1 incident)",
                "SEV3: none of 1 incident resolved",
                "SEV4: none of 27 incidents resolved",
            ],
            mttrBySeverity.Select(b => b.Element(Svg + "title")!.Value));
        Assert.Contains("30 incidents declared in the last 30 days", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_period_is_charted_per_day()
    {
        var svgs = Html.Svgs(await Host.PageAsync("/stats?days=7"));

        var days = Bars(Chart(svgs, "mttr-over-time"));
        Assert.Equal("MTTR per day, last 7 days", Chart(svgs, "mttr-over-time").Element(Svg + "title")!.Value);
        Assert.Equal(8, days.Count); // Fri, Mar 13 (partly) to Fri, Mar 20
        Assert.Equal("Thu, Mar 19, 2026: mean 2 hours, median 2 hours, p90 2 hours (1 resolved of 1 incident)", days[6].Element(Svg + "title")!.Value);
    }

    [Fact]
    public async Task A_period_without_incidents_is_an_empty_state_without_charts()
    {
        var html = await Host.PageAsync("/stats?days=1");

        Assert.Empty(Html.Svgs(html));
        Assert.Contains("No incidents were declared in the last 1 day, so there is nothing to chart yet.", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"1\" selected=\"selected\">last 1 day</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_period_is_named_and_the_default_shown()
    {
        var html = await Host.PageAsync("/stats?days=forever");

        Assert.Contains("&quot;forever&quot; is not a number of days between 1 and 3650; showing the last 30 days.", html, StringComparison.Ordinal);
        Assert.Equal(4, Html.Svgs(html).Count);
    }
}
