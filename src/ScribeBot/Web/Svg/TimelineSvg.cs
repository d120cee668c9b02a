using System.Globalization;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Time;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Web.Svg;

/// <summary>
/// The incident's timeline as an inline SVG: phase bars on top, one marker per tagged event coloured by kind (stacked
/// when they crowd), the acknowledge and resolve moments as labelled vertical lines, a time axis in the incident's
/// zone and a legend. Pure: the same chart gives the same bytes. User text appears only escaped, in the accessible
/// <c>&lt;title&gt;</c>/<c>&lt;desc&gt;</c> and in each marker's tooltip.
/// </summary>
internal static class TimelineSvg
{
    public const int Width = 960;

    private const double Left = 16;
    private const double Right = Width - 16;
    private const double MarkerRadius = 6;
    private const int MaxLevels = 4;
    private const double LevelHeight = 16;
    private const double PhaseRow = 22;
    private const double CharWidth = 6.5;
    private const int MaxTooltip = 300;

    public const string AcknowledgedColour = "#b54708";
    public const string ResolvedColour = "#067647";

    private static readonly string[] PhaseFills = ["#fee4e2", "#fef0c7", "#d1e9ff", "#dcfae6", "#ebe9fe"];

    private static readonly TimeSpan[] TickSteps =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1),
        TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14), TimeSpan.FromDays(28),
    ];

    /// <param name="chart">What to draw.</param>
    /// <param name="id">Prefix of the element ids (<c>aria-labelledby</c>); unique within the page.</param>
    public static string Render(TimelineChart chart, string id = "timeline")
    {
        var clock = chart.Clock;
        var (first, last) = Extent(chart);
        var pad = first == last ? TimeSpan.FromMinutes(5) : TimeSpan.FromTicks(Math.Max((last - first).Ticks * 3 / 100, TimeSpan.FromSeconds(30).Ticks));
        var from = first - pad;
        var to = last + pad;
        double X(DateTimeOffset at) => Left + ((at - from).Ticks / (double)(to - from).Ticks * (Right - Left));

        var markers = Stack(chart.Events, X);
        var levels = markers.Count == 0 ? 1 : markers.Max(m => m.Level) + 1;
        const double phasesTop = 38;
        var laneTop = phasesTop + (chart.Phases.Count * PhaseRow) + 4;
        var axisY = laneTop + (levels * LevelHeight) + 8;
        var captionY = axisY + 34;
        var legend = LegendItems(chart.Events);
        var legendRows = LayOut(legend);
        var legendTop = captionY + 22;
        var rows = legendRows.Count == 0 ? 0 : legendRows.Max(r => r.Row) + 1;
        var height = rows == 0 ? captionY + 10 : legendTop + (rows * 18) + 6;

        var svg = new SvgWriter().Start("svg",
            ("xmlns", SvgWriter.Namespace), ("viewBox", $"0 0 {Width} {SvgWriter.Number(height)}"), ("width", "100%"),
            ("role", "img"), ("aria-labelledby", $"{id}-title {id}-desc"), ("class", "timeline-diagram"),
            ("font-family", "system-ui, sans-serif"), ("font-size", 11));
        svg.Text("title", $"Timeline of {chart.Title}", ("id", $"{id}-title"));
        svg.Text("desc", Description(chart, first, last), ("id", $"{id}-desc"));
        svg.Empty("rect", ("x", 0), ("y", 0), ("width", Width), ("height", height), ("fill", "#ffffff"));

        var ticks = Ticks(from, to, clock);
        svg.Start("g", ("class", "grid"), ("stroke", "#eaecf0"));
        foreach (var (at, _) in ticks)
        {
            svg.Empty("line", ("x1", X(at)), ("x2", X(at)), ("y1", phasesTop - 4), ("y2", axisY));
        }

        svg.End();

        Phases(svg, chart.Phases, X, phasesTop);
        Events(svg, chart, markers, laneTop);
        Moment(svg, "acknowledged", "Acknowledged", chart.Acknowledged, AcknowledgedColour, 14, axisY, clock, X);
        Moment(svg, "resolved", "Resolved", chart.Resolved, ResolvedColour, 28, axisY, clock, X);
        Axis(svg, ticks, axisY, X);
        svg.Text("text", $"Times in {clock.ZoneLabel(first, last)}", ("class", "caption"), ("x", Left), ("y", captionY), ("fill", "#5b6475"));
        Legend(svg, legendRows, legendTop);
        return svg.End().ToString();
    }

    private sealed record Marker(DiagramEvent Event, double X, int Level);

    private sealed record LegendItem(string Key, string Name, string Colour);

    private static (DateTimeOffset First, DateTimeOffset Last) Extent(TimelineChart chart)
    {
        var instants = new List<DateTimeOffset> { chart.Declared };
        instants.AddRange(chart.Phases.SelectMany(p => new[] { p.Start, p.End }));
        instants.AddRange(chart.Events.Select(e => e.At));
        if (chart.Acknowledged is { } ack)
        {
            instants.Add(ack.At);
        }

        if (chart.Resolved is { } resolved)
        {
            instants.Add(resolved.At);
        }

        return (instants.Min(), instants.Max());
    }

    // Markers closer than a diameter move up a level, so a burst of events stays readable; past the last level they
    // overlap where there is the most room.
    private static List<Marker> Stack(IReadOnlyList<DiagramEvent> events, Func<DateTimeOffset, double> x)
    {
        var lastX = Enumerable.Repeat(double.NegativeInfinity, MaxLevels).ToArray();
        var markers = new List<Marker>(events.Count);
        foreach (var e in events.OrderBy(e => e.At))
        {
            var at = x(e.At);
            var level = Array.FindIndex(lastX, l => at - l >= (2 * MarkerRadius) + 2);
            if (level < 0)
            {
                level = Array.IndexOf(lastX, lastX.Min());
            }

            lastX[level] = at;
            markers.Add(new Marker(e, at, level));
        }

        return markers;
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

    private static void Events(SvgWriter svg, TimelineChart chart, List<Marker> markers, double laneTop)
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
            svg.Start("g", ("class", "event"));
            svg.Text("title", SvgWriter.Shorten($"{chart.Clock.Time(e.At)} {e.Kind}: {e.Label}", MaxTooltip));
            svg.Empty("circle", ("class", "event-marker"), ("data-kind", KindColours.Key(e.Tags)),
                ("cx", marker.X), ("cy", laneTop + (LevelHeight / 2) + (marker.Level * LevelHeight)), ("r", MarkerRadius),
                ("fill", KindColours.Of(e.Tags)), ("stroke", "#ffffff"), ("stroke-width", 1.5));
            svg.End();
        }

        svg.End();
    }

    private static void Moment(
        SvgWriter svg, string key, string name, Milestone? moment, string colour, double labelY, double axisY,
        IncidentClock clock, Func<DateTimeOffset, double> x)
    {
        if (moment is null)
        {
            return;
        }

        var at = x(moment.At);
        var label = $"{name} {clock.Time(moment.At)}";
        var leftward = at + 4 + (label.Length * CharWidth) > Right;
        svg.Start("g", ("class", $"moment {key}"));
        svg.Text("title", $"{name} at {clock.DayAndTime(moment.At)} {clock.Abbreviation(moment.At)} by {moment.By.DisplayName}");
        svg.Empty("line", ("x1", at), ("x2", at), ("y1", labelY - 10), ("y2", axisY), ("stroke", colour), ("stroke-width", 2),
            ("stroke-dasharray", "6 3"));
        svg.Text("text", label, ("x", leftward ? at - 4 : at + 4), ("y", labelY), ("text-anchor", leftward ? "end" : null),
            ("fill", colour), ("font-weight", 600));
        svg.End();
    }

    private static void Axis(SvgWriter svg, List<(DateTimeOffset At, string Label)> ticks, double axisY, Func<DateTimeOffset, double> x)
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

    private static List<LegendItem> LegendItems(IReadOnlyList<DiagramEvent> events)
    {
        var tags = events.Where(e => e.Tags.Count > 0).Select(e => e.Tags[0]).Distinct().Order();
        var items = tags.Select(t => new LegendItem(t.ToName(), t.ToLabel(), KindColours.Of(t))).ToList();
        if (events.Any(e => e.Tags.Count == 0))
        {
            items.Add(new LegendItem(KindColours.ChangeKey, KindColours.ChangeName, KindColours.ChangeColour));
        }

        return items;
    }

    private static List<(LegendItem Item, double X, int Row)> LayOut(List<LegendItem> items)
    {
        var placed = new List<(LegendItem, double, int)>(items.Count);
        var x = Left;
        var row = 0;
        foreach (var item in items)
        {
            var width = 16 + (item.Name.Length * CharWidth) + 18;
            if (x + width > Right && x > Left)
            {
                x = Left;
                row++;
            }

            placed.Add((item, x, row));
            x += width;
        }

        return placed;
    }

    private static void Legend(SvgWriter svg, List<(LegendItem Item, double X, int Row)> placed, double top)
    {
        if (placed.Count == 0)
        {
            return;
        }

        svg.Start("g", ("class", "legend"));
        foreach (var (item, x, row) in placed)
        {
            var y = top + (row * 18);
            svg.Start("g", ("class", "legend-item"), ("data-kind", item.Key));
            svg.Empty("circle", ("cx", x + 5), ("cy", y - 4), ("r", 5), ("fill", item.Colour));
            svg.Text("text", item.Name, ("x", x + 14), ("y", y), ("fill", "#1d2330"));
            svg.End();
        }

        svg.End();
    }

    /// <summary>Ticks at round local wall-clock times (every 5 minutes, every hour, midnight...), at most about eight.</summary>
    private static List<(DateTimeOffset At, string Label)> Ticks(DateTimeOffset from, DateTimeOffset to, IncidentClock clock)
    {
        var span = to - from;
        var step = TickSteps.FirstOrDefault(s => span / s <= 8);
        if (step == TimeSpan.Zero)
        {
            step = TimeSpan.FromDays(Math.Ceiling(span.TotalDays / 8));
        }

        var local = clock.Local(from).DateTime;
        var start = step < TimeSpan.FromDays(1)
            ? local.Date + TimeSpan.FromTicks(local.TimeOfDay.Ticks / step.Ticks * step.Ticks)
            : local.Date;
        var oneDay = clock.LocalDate(from) == clock.LocalDate(to);
        var ticks = new List<(DateTimeOffset, string)>(10);
        DateOnly? previousDay = null;
        DateTimeOffset? previous = null;
        for (var wall = start; ; wall += step)
        {
            var at = IncidentTimeZone.ToInstant(wall, clock.Zone);
            if (at > to)
            {
                break;
            }

            if (at < from || at == previous)
            {
                continue;
            }

            var day = clock.LocalDate(at);
            var label = step >= TimeSpan.FromDays(1) ? clock.Local(at).ToString("MMM d", CultureInfo.InvariantCulture)
                : oneDay || day == previousDay ? clock.Time(at)
                : $"{IncidentClock.ShortDay(day)} {clock.Time(at)}";
            ticks.Add((at, label));
            previous = at;
            previousDay = day;
        }

        return ticks;
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
