using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Postmortem.Document;

namespace ScribeBot.Web.Svg;

/// <summary>
/// Where everything of a <see cref="TimelineSvg"/> goes: the time scale (the chart's instants plus a margin, mapped to
/// x), the rows from top to bottom (phases, the marker lane, the axis, the caption, the legend), each marker's level
/// and each legend item's place. Pure arithmetic; drawing is <see cref="TimelineSvg"/>'s.
/// </summary>
internal sealed class TimelineLayout
{
    public const int Width = 960;
    public const double Left = 16;
    public const double Right = Width - 16;
    public const double MarkerRadius = 6;
    public const double LevelHeight = 16;
    public const double PhaseRow = 22;
    public const double PhasesTop = 38;
    public const double LegendRowHeight = 18;

    /// <summary>Rough width of one character at the chart's font size, to keep labels inside the frame.</summary>
    public const double CharWidth = 6.5;

    private const int MaxLevels = 4;

    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _to;

    public TimelineLayout(TimelineChart chart)
    {
        (First, Last) = Extent(chart);
        var pad = First == Last ? TimeSpan.FromMinutes(5) : TimeSpan.FromTicks(Math.Max((Last - First).Ticks * 3 / 100, TimeSpan.FromSeconds(30).Ticks));
        _from = First - pad;
        _to = Last + pad;

        Markers = Stack(chart.Events, X);
        var levels = Markers.Count == 0 ? 1 : Markers.Max(m => m.Level) + 1;
        LaneTop = PhasesTop + (chart.Phases.Count * PhaseRow) + 4;
        AxisY = LaneTop + (levels * LevelHeight) + 8;
        CaptionY = AxisY + 34;
        Legend = TimelineLegend.LayOut(chart.Events);
        LegendTop = CaptionY + 22;
        var rows = Legend.Count == 0 ? 0 : Legend.Max(r => r.Row) + 1;
        Height = rows == 0 ? CaptionY + 10 : LegendTop + (rows * LegendRowHeight) + 6;
        Ticks = TimelineTicks.Between(_from, _to, chart.Clock);
    }

    /// <summary>The earliest and latest instant drawn.</summary>
    public DateTimeOffset First { get; }

    public DateTimeOffset Last { get; }

    public IReadOnlyList<TimelineMarker> Markers { get; }

    public IReadOnlyList<TimelineLegend.Placed> Legend { get; }

    public IReadOnlyList<(DateTimeOffset At, string Label)> Ticks { get; }

    public double LaneTop { get; }

    public double AxisY { get; }

    public double CaptionY { get; }

    public double LegendTop { get; }

    public double Height { get; }

    public double X(DateTimeOffset at) => Left + ((at - _from).Ticks / (double)(_to - _from).Ticks * (Right - Left));

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
    private static List<TimelineMarker> Stack(IReadOnlyList<DiagramEvent> events, Func<DateTimeOffset, double> x)
    {
        var lastX = Enumerable.Repeat(double.NegativeInfinity, MaxLevels).ToArray();
        var markers = new List<TimelineMarker>(events.Count);
        foreach (var e in events.OrderBy(e => e.At))
        {
            var at = x(e.At);
            var level = Array.FindIndex(lastX, l => at - l >= (2 * MarkerRadius) + 2);
            if (level < 0)
            {
                level = Array.IndexOf(lastX, lastX.Min());
            }

            lastX[level] = at;
            markers.Add(new TimelineMarker(e, at, level));
        }

        return markers;
    }
}

/// <summary>One tagged event's marker: where it is drawn and on which level of the lane.</summary>
internal sealed record TimelineMarker(DiagramEvent Event, double X, int Level);
