namespace ScribeBot.Tests.Web.Svg;

public sealed class BarChartSvgTests
{
    private static readonly XNamespace Svg = SvgWriter.Namespace;

    private static XElement Parse(string svg) => XDocument.Parse(svg).Root!;

    private static List<XElement> Bars(XElement root) =>
        root.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("bar", StringComparison.Ordinal) == true && (string?)g.Attribute("class") != "bars").ToList();

    [Fact]
    public void Each_category_is_a_bar_with_its_label_and_a_humanized_tooltip()
    {
        var chart = new BarChart("MTTA per week", "Mean MTTA", "#2457c5",
        [
            new ChartBar("Mar 2", TimeSpan.FromMinutes(12), "Week of Mar 2: mean 12 minutes"),
            new ChartBar("Mar 9", null, "Week of Mar 9: no incidents"),
            new ChartBar("Mar 16", TimeSpan.FromMinutes(95), "Week of Mar 16: mean 1 hour, 35 minutes"),
        ]);

        var root = Parse(BarChartSvg.Render(chart, "mtta"));

        Assert.Equal("0 0 960 260", (string?)root.Attribute("viewBox"));
        Assert.Equal("MTTA per week", root.Element(Svg + "title")!.Value);
        var bars = Bars(root);
        Assert.Equal(["bar", "bar no-data", "bar"], bars.Select(b => (string)b.Attribute("class")!));
        Assert.Equal(["Mar 2", "Mar 9", "Mar 16"], bars.Select(b => b.Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "label").Value));
        Assert.Equal("Week of Mar 16: mean 1 hour, 35 minutes", bars[2].Element(Svg + "title")!.Value);
        Assert.Equal("1h 35m", bars[2].Elements(Svg + "text").Single(t => (string?)t.Attribute("class") == "value").Value);
        var heights = bars.Where(b => (string?)b.Attribute("class") == "bar")
            .Select(b => double.Parse((string)b.Element(Svg + "rect")!.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(heights[1] > heights[0] * 7, string.Join(", ", heights));
    }

    [Fact]
    public void The_value_axis_has_round_duration_ticks_from_zero_past_the_largest_value()
    {
        var chart = new BarChart("t", "d", "#000", [new ChartBar("a", TimeSpan.FromMinutes(95), "x")]);

        var labels = Parse(BarChartSvg.Render(chart, "c")).Descendants(Svg + "g")
            .Single(g => (string?)g.Attribute("class") == "y-axis").Elements(Svg + "text").Select(t => t.Value).ToList();

        Assert.Equal(["0", "30m", "1h", "1h 30m", "2h"], labels);
    }

    [Fact]
    public void A_chart_without_any_value_shows_its_empty_text_and_no_bars()
    {
        var chart = new BarChart("t", "d", "#000", [new ChartBar("SEV1", null, "no incidents")], "No resolved incidents in the last 30 days");

        var root = Parse(BarChartSvg.Render(chart, "c"));

        Assert.Empty(Bars(root));
        Assert.Equal("No resolved incidents in the last 30 days", root.Descendants(Svg + "text").Single(t => (string?)t.Attribute("class") == "empty").Value);
    }

    [Fact]
    public void Text_is_escaped_and_the_output_stays_well_formed()
    {
        var chart = new BarChart("<script>alert(1)</script> & more", "a \"quoted\" <desc>", "#000",
            [new ChartBar("<b>&", TimeSpan.FromSeconds(30), "</title><script>x</script>")]);

        var svg = BarChartSvg.Render(chart, "c");

        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", svg, StringComparison.Ordinal);
        var root = Parse(svg);
        Assert.Equal("</title><script>x</script>", Bars(root).Single().Element(Svg + "title")!.Value);
    }

    [Fact]
    public void A_negative_duration_from_an_impossible_order_draws_as_zero_not_below_the_axis()
    {
        var chart = new BarChart("t", "d", "#000", [new ChartBar("a", TimeSpan.FromMinutes(-5), "x"), new ChartBar("b", TimeSpan.FromMinutes(10), "y")]);

        var root = Parse(BarChartSvg.Render(chart, "c"));

        var rects = Bars(root).Select(b => b.Element(Svg + "rect")!).ToList();
        Assert.All(rects, r => Assert.True(double.Parse((string)r.Attribute("y")!, System.Globalization.CultureInfo.InvariantCulture) <= BarChartSvg.Height - 40));
    }

    [Fact]
    public void Crowded_categories_label_every_few_bars_and_rendering_is_deterministic()
    {
        var bars = Enumerable.Range(1, 52).Select(i => new ChartBar($"W{i}", TimeSpan.FromMinutes(i), $"week {i}")).ToList();
        var chart = new BarChart("t", "d", "#000", bars);

        var svg = BarChartSvg.Render(chart, "c");

        var labels = Bars(Parse(svg)).SelectMany(b => b.Elements(Svg + "text")).Count(t => (string?)t.Attribute("class") == "label");
        Assert.InRange(labels, 10, 14);
        Assert.Equal(svg, BarChartSvg.Render(chart with { Bars = [.. bars] }, "c"));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(90, "1m 30s")]
    [InlineData(5400, "1h 30m")]
    [InlineData(3600, "1h")]
    [InlineData(3 * 86400 + 7200 + 59, "3d 2h")]
    [InlineData(86400 + 30, "1d")]
    public void Compact_durations_show_the_two_largest_units(int seconds, string expected)
    {
        Assert.Equal(expected, CompactDuration.Format(TimeSpan.FromSeconds(seconds)));
    }
}
