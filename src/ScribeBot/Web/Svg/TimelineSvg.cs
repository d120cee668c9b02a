using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Postmortem.Document;
using static ScribeBot.Web.Svg.TimelineLayout;

namespace ScribeBot.Web.Svg;

/// <summary>
/// The incident's timeline as an inline SVG: phase bars on top, one marker per tagged event coloured by kind with its
/// time and kind as a visible label (stacked when they crowd), the declare, acknowledge and resolve moments as labelled
/// vertical lines, a time axis in the incident's zone and a legend. Pure: the same chart gives the same bytes. User
/// text appears only escaped, in the accessible <c>&lt;title&gt;</c>/<c>&lt;desc&gt;</c> and in each marker's tooltip. Where each part goes is
/// <see cref="TimelineLayout"/>'s; this draws it.
/// </summary>
internal static class TimelineSvg
{
    private const int MaxTooltip = 300;

    public const string AcknowledgedColour = TimelineMoment.AcknowledgedColour;
    public const string ResolvedColour = TimelineMoment.ResolvedColour;

    private static readonly string[] PhaseFills = ["#fee4e2", "#fef0c7", "#d1e9ff", "#dcfae6", "#ebe9fe"];

    /// <param name="chart">What to draw.</param>
    /// <param name="id">Prefix of the element ids (<c>aria-labelledby</c>); unique within the page.</param>
    public static string Render(TimelineChart chart, string id = "timeline")
    {
        var layout = new TimelineLayout(chart);
        var (first, last) = (layout.First, layout.Last);
        var height = layout.Height;
        var axisY = layout.AxisY;
        Func<DateTimeOffset, double> x = layout.X;

        var svg = new SvgWriter().Start("svg",
            ("xmlns", SvgWriter.Namespace), ("viewBox", $"0 0 {Width} {SvgWriter.Number(height)}"), ("width", "100%"),
            ("role", "img"), ("aria-labelledby", $"{id}-title {id}-desc"), ("class", "timeline-diagram"),
            ("font-family", "system-ui, sans-serif"), ("font-size", 11));
        svg.Text("title", $"Timeline of {chart.Title}", ("id", $"{id}-title"));
        svg.Text("desc", Description(chart, first, last), ("id", $"{id}-desc"));
        svg.Empty("rect", ("x", 0), ("y", 0), ("width", Width), ("height", height), ("fill", "#ffffff"));

        svg.Start("g", ("class", "grid"), ("stroke", "#eaecf0"));
        foreach (var (at, _) in layout.Ticks)
        {
            svg.Empty("line", ("x1", x(at)), ("x2", x(at)), ("y1", layout.PhasesTop - 4), ("y2", axisY));
        }

        svg.End();

        Phases(svg, chart.Phases, x, layout.PhasesTop);
        foreach (var moment in layout.Moments)
        {
            Moment(svg, moment, axisY);
        }

        Events(svg, chart, layout.Markers, layout.LaneTop);
        Axis(svg, layout.Ticks, axisY, x);
        svg.Text("text", $"Times in {chart.Clock.ZoneLabel(first, last)}", ("class", "caption"), ("x", Left), ("y", layout.CaptionY), ("fill", "#5b6475"));
        TimelineLegend.Draw(svg, layout.Legend, layout.LegendTop);
        return svg.End().ToString();
    }

    private static void Phases(SvgWriter svg, IReadOnlyList<DiagramPhase> phases, Func<DateTimeOffset, double> x, double top)
    {
        svg.Start("g", ("class", "phases"));
        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            var y = top + (i * PhaseRow);
            var start = x(phase.Start);
            var width = Math.Max(2, x(phase.End) - start);
            var fill = PhaseFills[i % PhaseFills.Length];
            svg.Start("g", ("class", phase.Ongoing ? "phase ongoing" : "phase"));
            svg.Text("title", phase.Ongoing ? $"{phase.Label} (so far)" : phase.Label);
            svg.Empty("rect", ("x", start), ("y", y), ("width", width), ("height", 16), ("rx", 3), ("fill", fill),
                ("stroke", "#98a2b3"), ("stroke-dasharray", phase.Ongoing ? "4 3" : null));
            // The label goes inside a bar wide enough for it, else just after the bar, else just before it.
            var label = phase.Ongoing ? $"{phase.Label} …" : phase.Label;
            var labelWidth = (label.Length * CharWidth) + 8;
            var (labelX, anchor) = labelWidth <= width ? (start + 4, (string?)null)
                : start + width + labelWidth <= Right ? (start + width + 4, null)
                : (start - 4, "end");
            svg.Text("text", label, ("x", labelX), ("y", y + 12), ("text-anchor", anchor), ("fill", "#1d2330"));
            svg.End();
        }

        svg.End();
    }

    private static void Events(SvgWriter svg, TimelineChart chart, IReadOnlyList<TimelineMarker> markers, double laneTop)
    {
        svg.Start("g", ("class", "events"));
        if (markers.Count == 0)
        {
            svg.Text("text", "No tagged events yet", ("class", "empty"), ("x", Width / 2), ("y", laneTop + 12),
                ("text-anchor", "middle"), ("fill", "#5b6475"));
        }

        foreach (var marker in markers)
        {
            var e = marker.Event;
            var cy = laneTop + (LevelHeight / 2) + (marker.Level * LevelHeight);
            svg.Start("g", ("class", "event"));
            svg.Text("title", SvgWriter.Shorten($"{chart.Clock.Time(e.At)} {e.Kind}: {e.Label}", MaxTooltip));
            svg.Empty("circle", ("class", "event-marker"), ("data-kind", KindColours.Key(e.Tags)),
                ("cx", marker.X), ("cy", cy), ("r", MarkerRadius),
                ("fill", KindColours.Of(e.Tags)), ("stroke", "#ffffff"), ("stroke-width", 1.5));
            if (marker.Label is { } label)
            {
                var offset = MarkerRadius + 3;
                svg.Text("text", label, ("class", "event-label"), ("x", marker.LabelLeftward ? marker.X - offset : marker.X + offset),
                    ("y", cy + 4), ("text-anchor", marker.LabelLeftward ? "end" : null), ("fill", "#1d2330"));
            }

            svg.End();
        }

        svg.End();
    }

    private static void Moment(SvgWriter svg, TimelineMoment moment, double axisY)
    {
        svg.Start("g", ("class", $"moment {moment.Key}"));
        svg.Text("title", moment.Tooltip);
        svg.Empty("line", ("x1", moment.X), ("x2", moment.X), ("y1", moment.LabelY - 10), ("y2", axisY), ("stroke", moment.Colour),
            ("stroke-width", 2), ("stroke-dasharray", "6 3"));
        svg.Text("text", moment.Label, ("x", moment.Leftward ? moment.X - 4 : moment.X + 4), ("y", moment.LabelY),
            ("text-anchor", moment.Leftward ? "end" : null), ("fill", moment.Colour), ("font-weight", 600));
        svg.End();
    }

    private static void Axis(
        SvgWriter svg, IReadOnlyList<(DateTimeOffset At, string Label)> ticks, double axisY, Func<DateTimeOffset, double> x)
    {
        svg.Start("g", ("class", "axis"), ("fill", "#5b6475"));
        svg.Empty("line", ("x1", Left), ("x2", Right), ("y1", axisY), ("y2", axisY), ("stroke", "#5b6475"));
        foreach (var (at, label) in ticks)
        {
            var tickX = x(at);
            var anchor = tickX - (label.Length * CharWidth / 2) < 0 ? "start"
                : tickX + (label.Length * CharWidth / 2) > Width ? "end"
                : "middle";
            svg.Empty("line", ("x1", tickX), ("x2", tickX), ("y1", axisY), ("y2", axisY + 4), ("stroke", "#5b6475"));
            svg.Text("text", label, ("x", tickX), ("y", axisY + 16), ("text-anchor", anchor));
        }

        svg.End();
    }

    private static string Description(TimelineChart chart, DateTimeOffset first, DateTimeOffset last)
    {
        var clock = chart.Clock;
        var kinds = chart.Events
            .GroupBy(e => KindColours.Name(e.Tags))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key.ToLowerInvariant()}");
        var text = $"From {clock.DayAndTime(first)} to {clock.DayAndTime(last)} {clock.ZoneLabel(first, last)}. "
            + (chart.Events.Count == 0 ? "No tagged events. " : $"{chart.Events.Count} events: {string.Join(", ", kinds)}. ")
            + (chart.Phases.Count == 0 ? "" : $"Phases: {string.Join("; ", chart.Phases.Select(p => p.Label))}. ")
            + (chart.Acknowledged is { } ack ? $"Acknowledged at {clock.Time(ack.At)}. " : "Not acknowledged. ")
            + (chart.Resolved is { } resolved ? $"Resolved at {clock.Time(resolved.At)}." : "Not resolved.");
        return text;
    }
}
