using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Pictures.Svg;
using static ScribeBot.Pictures.Timeline.TimelineLayout;

namespace ScribeBot.Pictures.Timeline;

/// <summary>
/// The incident's timeline as an SVG: phase bars with their durations on top, one lane per kind of event with a marker
/// per tagged event (misleading paths end in a bar, escalations in an arrow) and its time as a visible label, the
/// declare, acknowledge and resolve moments as labelled vertical lines, a time axis in the incident's zone and a
/// legend. The dashboard shows it inline; <c>TimelinePicture</c> draws the very same SVG into a PNG. Pure: the same
/// chart gives the same bytes. User text appears only escaped, in the accessible <c>&lt;title&gt;</c>/<c>&lt;desc&gt;</c>
/// and in each marker's tooltip, never as drawn text. Where each part goes is <see cref="TimelineLayout"/>'s.
/// </summary>
public static class TimelineSvg
{
    private const int MaxTooltip = 300;

    public const string AcknowledgedColour = TimelineMoment.AcknowledgedColour;
    public const string ResolvedColour = TimelineMoment.ResolvedColour;

    private static readonly string[] PhaseFills = ["#fee4e2", "#fef0c7", "#d1e9ff", "#dcfae6", "#ebe9fe"];

    /// <param name="chart">What to draw.</param>
    /// <param name="id">Prefix of the element ids (<c>aria-labelledby</c>); unique within the page.</param>
    public static string Render(TimelineChart chart, string id = "timeline") => Render(chart, new TimelineLayout(chart), id);

    /// <summary>The accessible name: <c>Timeline of INC-7: Checkout 502</c>.</summary>
    public static string Title(TimelineChart chart) => $"Timeline of {chart.Title}";

    /// <summary>
    /// What the chart shows, in sentences: its span and zone, the events by kind, the phases with their durations, and
    /// when it was acknowledged and resolved. The SVG's <c>&lt;desc&gt;</c> and the PNG's alt text.
    /// </summary>
    public static string Description(TimelineChart chart) => Description(chart, new TimelineLayout(chart));

    internal static string Description(TimelineChart chart, TimelineLayout layout) => Description(chart, layout.First, layout.Last);

    internal static string Render(TimelineChart chart, TimelineLayout layout, string id)
    {
        var height = layout.Height;
        var axisY = layout.AxisY;
        Func<DateTimeOffset, double> x = layout.X;

        var svg = new SvgWriter().Start("svg",
            ("xmlns", SvgWriter.Namespace), ("viewBox", $"0 0 {Width} {SvgWriter.Number(height)}"), ("width", "100%"),
            ("role", "img"), ("aria-labelledby", $"{id}-title {id}-desc"), ("class", "timeline-diagram"),
            ("font-family", "system-ui, sans-serif"), ("font-size", FontSize));
        svg.Text("title", Title(chart), ("id", $"{id}-title"));
        svg.Text("desc", Description(chart, layout.First, layout.Last), ("id", $"{id}-desc"));
        svg.Empty("rect", ("x", 0), ("y", 0), ("width", Width), ("height", height), ("fill", "#ffffff"));

        Lanes(svg, layout.Lanes);
        svg.Start("g", ("class", "grid"), ("stroke", "#eaecf0"));
        foreach (var (at, _) in layout.Ticks)
        {
            svg.Empty("line", ("x1", x(at)), ("x2", x(at)), ("y1", layout.PhasesTop - 4), ("y2", axisY));
        }

        svg.End();

        // Moments under the phases and the events: a label that crosses a moment's line hides it, not the reverse.
        foreach (var moment in layout.Moments)
        {
            Moment(svg, moment, axisY);
        }

        Phases(svg, chart.Phases, x, layout.PhasesTop);

        Events(svg, chart, layout);
        Axis(svg, layout.Ticks, axisY, x);
        svg.Text("text", $"Times in {chart.Clock.ZoneLabel(layout.First, layout.Last)}", ("class", "caption"), ("x", Margin), ("y", layout.CaptionY), ("fill", "#5b6475"));
        TimelineLegend.Draw(svg, layout.Legend, layout.LegendTop);
        return svg.End().ToString();
    }

    private static void Lanes(SvgWriter svg, IReadOnlyList<TimelineLane> lanes)
    {
        svg.Start("g", ("class", "lanes"));
        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = lanes[i];
            svg.Start("g", ("class", "lane"), ("data-kind", lane.Key));
            // Every other lane shaded, so a reader's eye follows a lane across a wide chart.
            svg.Empty("rect", ("x", Margin / 2), ("y", lane.Top), ("width", Width - Margin), ("height", lane.Bottom - lane.Top),
                ("fill", LaneFill(i)));
            svg.Text("text", lane.Name, ("class", "lane-name"), ("x", Margin), ("y", lane.LevelY(0) + 4), ("fill", "#344054"), ("font-weight", 600));
            svg.End();
        }

        svg.End();
    }

    private static string LaneFill(int lane) => lane % 2 == 0 ? "#f9fafb" : "#ffffff";

    /// <summary>A label's own background, so a grid or moment line behind it never strikes its words through.</summary>
    private static void Backdrop(SvgWriter svg, double x, double baseline, double width, bool endAnchored, string fill) =>
        svg.Empty("rect", ("class", "backdrop"), ("x", (endAnchored ? x - width : x) - 2), ("y", baseline - 12), ("width", width + 4), ("height", 16), ("fill", fill));

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
            var label = PhaseLabel(phase);
            svg.Start("g", ("class", phase.Ongoing ? "phase ongoing" : "phase"));
            svg.Text("title", label);
            svg.Empty("rect", ("x", start), ("y", y), ("width", width), ("height", PhaseBar), ("rx", 3), ("fill", fill),
                ("stroke", "#98a2b3"), ("stroke-dasharray", phase.Ongoing ? "4 3" : null));
            // The label goes inside a bar wide enough for it, else just after the bar, else just before it.
            var labelWidth = TextWidthOf(label) + 8;
            var (labelX, anchor) = labelWidth <= width ? (start + 4, (string?)null)
                : start + width + labelWidth <= Width - Margin ? (start + width + 4, null)
                : (start - 4, "end");
            if (labelX != start + 4)
            {
                Backdrop(svg, labelX, y + 13, labelWidth - 8, anchor is not null, "#ffffff");
            }

            svg.Text("text", label, ("x", labelX), ("y", y + 13), ("text-anchor", anchor), ("fill", "#1d2330"));
            svg.End();
        }

        svg.End();
    }

    /// <summary><c>Declared to acknowledged · 4m</c>; an ongoing phase says "so far".</summary>
    private static string PhaseLabel(DiagramPhase phase)
    {
        var duration = CompactDuration.Format(phase.End - phase.Start);
        return phase.Ongoing ? $"{phase.Label} · {duration} so far" : $"{phase.Label} · {duration}";
    }

    private static void Events(SvgWriter svg, TimelineChart chart, TimelineLayout layout)
    {
        svg.Start("g", ("class", "events"));
        if (layout.Markers.Count == 0)
        {
            const string Empty = "No tagged events yet";
            var width = TextWidthOf(Empty);
            Backdrop(svg, (Width - width) / 2, layout.LaneTop + 15, width, endAnchored: false, "#ffffff");
            svg.Text("text", Empty, ("class", "empty"), ("x", Width / 2), ("y", layout.LaneTop + 15),
                ("text-anchor", "middle"), ("fill", "#5b6475"));
        }

        foreach (var marker in layout.Markers)
        {
            var e = marker.Event;
            var lane = layout.Lanes[marker.Lane];
            var cy = lane.LevelY(marker.Level);
            svg.Start("g", ("class", "event"));
            svg.Text("title", SvgWriter.Shorten($"{chart.Clock.Time(e.At)} {e.Kind}: {e.Label}", MaxTooltip));
            svg.Empty("circle", ("class", "event-marker"), ("data-kind", KindColours.Key(e.Tags)),
                ("cx", marker.X), ("cy", cy), ("r", MarkerRadius),
                ("fill", KindColours.Of(e.Tags)), ("stroke", "#ffffff"), ("stroke-width", 1.5));
            MarkerGlyphs.Draw(svg, lane.Glyph, marker.X, cy, MarkerRadius, lane.Colour);
            if (marker.Label is { } label)
            {
                var reach = MarkerRadius + (lane.Glyph == MarkerGlyph.None ? 0 : GlyphLength) + 4;
                var labelX = marker.LabelLeftward ? marker.X - MarkerRadius - 4 : marker.X + reach;
                Backdrop(svg, labelX, cy + 4, TextWidthOf(label), marker.LabelLeftward, LaneFill(marker.Lane));
                svg.Text("text", label, ("class", "event-label"), ("x", labelX),
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
            var half = TextWidthOf(label) / 2;
            var anchor = tickX - half < Margin / 2 ? "start"
                : tickX + half > Width - (Margin / 2) ? "end"
                : "middle";
            svg.Empty("line", ("x1", tickX), ("x2", tickX), ("y1", axisY), ("y2", axisY + 4), ("stroke", "#5b6475"));
            svg.Text("text", label, ("x", tickX), ("y", axisY + 18), ("text-anchor", anchor));
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
        var phases = chart.Phases.Select(p => $"{p.Label}, {DurationText.Humanize(p.End - p.Start)}{(p.Ongoing ? " so far" : "")}");
        var text = $"From {clock.DayAndTime(first)} to {clock.DayAndTime(last)} {clock.ZoneLabel(first, last)}. "
            + (chart.Events.Count == 0 ? "No tagged events. " : $"{chart.Events.Count} events: {string.Join(", ", kinds)}. ")
            + (chart.Phases.Count == 0 ? "" : $"Phases: {string.Join("; ", phases)}. ")
            + (chart.Acknowledged is { } ack ? $"Acknowledged at {clock.Time(ack.At)}. " : "Not acknowledged. ")
            + (chart.Resolved is { } resolved ? $"Resolved at {clock.Time(resolved.At)}." : "Not resolved.");
        return text;
    }
}
