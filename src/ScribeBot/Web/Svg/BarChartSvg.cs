using ScribeBot.Pictures.Svg;

namespace ScribeBot.Web.Svg;

/// <summary>
/// A <see cref="BarChart"/> as inline SVG: a duration axis with round ticks (1m, 15m, 1h...), one bar per category
/// with its value above when there is room, category labels below (thinned when crowded), and a tooltip per bar. An
/// empty chart draws its frame and <see cref="BarChart.EmptyText"/>. Pure and deterministic; all text escaped.
/// </summary>
internal static class BarChartSvg
{
    public const int Width = 960;
    public const int Height = 260;

    private const double Left = 64;
    private const double Right = Width - 16;
    private const double Top = 20;
    private const double Bottom = Height - 40;
    private const int MaxLabels = 14;
    private const double CharWidth = 6.5;

    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3), TimeSpan.FromHours(6),
        TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7),
    ];

    /// <param name="chart">What to draw.</param>
    /// <param name="id">Prefix of the element ids (<c>aria-labelledby</c>); unique within the page.</param>
    public static string Render(BarChart chart, string id)
    {
        var svg = new SvgWriter().Start("svg",
            ("xmlns", SvgWriter.Namespace), ("viewBox", $"0 0 {Width} {Height}"), ("width", "100%"), ("role", "img"),
            ("aria-labelledby", $"{id}-title {id}-desc"), ("class", "bar-chart"),
            ("font-family", "system-ui, sans-serif"), ("font-size", 11));
        svg.Text("title", chart.Title, ("id", $"{id}-title"));
        svg.Text("desc", chart.Description, ("id", $"{id}-desc"));
        svg.Empty("rect", ("x", 0), ("y", 0), ("width", Width), ("height", Height), ("fill", "#ffffff"));

        // A bar can only be as long as zero: an impossible order of times (acknowledged before declared) is a data
        // error the incident page flags, not a negative bar.
        var values = chart.Bars.Where(b => b.Value is not null).Select(b => Clamp(b.Value!.Value)).ToArray();
        if (values.Length == 0)
        {
            svg.Empty("line", ("x1", Left), ("x2", Right), ("y1", Bottom), ("y2", Bottom), ("stroke", "#5b6475"));
            svg.Text("text", chart.EmptyText, ("class", "empty"), ("x", (Left + Right) / 2), ("y", (Top + Bottom) / 2),
                ("text-anchor", "middle"), ("fill", "#5b6475"), ("font-size", 14));
            return svg.End().ToString();
        }

        var (step, top) = Scale(values.Max());
        double Y(TimeSpan value) => Bottom - (Clamp(value).Ticks / (double)top.Ticks * (Bottom - Top));

        svg.Start("g", ("class", "y-axis"), ("fill", "#5b6475"));
        for (var tick = TimeSpan.Zero; tick <= top; tick += step)
        {
            var y = Y(tick);
            svg.Empty("line", ("x1", Left), ("x2", Right), ("y1", y), ("y2", y), ("stroke", tick == TimeSpan.Zero ? "#5b6475" : "#eaecf0"));
            svg.Text("text", tick == TimeSpan.Zero ? "0" : CompactDuration.Format(tick), ("x", Left - 6), ("y", y + 4), ("text-anchor", "end"));
        }

        svg.End();

        var count = chart.Bars.Count;
        var slot = (Right - Left) / count;
        var barWidth = Math.Min(slot * 0.7, 72);
        var labelEvery = (int)Math.Ceiling(count / (double)MaxLabels);
        svg.Start("g", ("class", "bars"));
        for (var i = 0; i < count; i++)
        {
            var bar = chart.Bars[i];
            var centre = Left + (slot * (i + 0.5));
            svg.Start("g", ("class", bar.Value is null ? "bar no-data" : "bar"));
            svg.Text("title", bar.Tooltip);
            if (bar.Value is { } value)
            {
                var y = Y(value);
                svg.Empty("rect", ("x", centre - (barWidth / 2)), ("y", y), ("width", barWidth), ("height", Math.Max(1, Bottom - y)),
                    ("fill", chart.Colour));
                var text = CompactDuration.Format(Clamp(value));
                if (text.Length * CharWidth <= slot)
                {
                    svg.Text("text", text, ("class", "value"), ("x", centre), ("y", y - 4), ("text-anchor", "middle"), ("fill", "#1d2330"));
                }
            }
            else
            {
                // Hoverable, so "no data" is said rather than looking like zero.
                svg.Empty("rect", ("x", centre - (barWidth / 2)), ("y", Bottom - 2), ("width", barWidth), ("height", 2), ("fill", "#d0d5dd"));
            }

            if (i % labelEvery == 0)
            {
                svg.Text("text", SvgWriter.Shorten(bar.Label, Math.Max(4, (int)(slot * labelEvery / CharWidth))), ("class", "label"),
                    ("x", centre), ("y", Bottom + 16), ("text-anchor", "middle"), ("fill", "#5b6475"));
            }

            svg.End();
        }

        return svg.End().End().ToString();
    }

    private static TimeSpan Clamp(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    /// <summary>The smallest round step giving at most five gridlines above zero, and the axis top.</summary>
    private static (TimeSpan Step, TimeSpan Top) Scale(TimeSpan max)
    {
        var step = Steps.FirstOrDefault(s => max <= s * 5);
        if (step == TimeSpan.Zero)
        {
            step = TimeSpan.FromDays(7 * Math.Ceiling(max.TotalDays / 35));
        }

        var top = TimeSpan.FromTicks(step.Ticks * Math.Max(1, (long)Math.Ceiling(max.Ticks / (double)step.Ticks)));
        return (step, top);
    }
}
