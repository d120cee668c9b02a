using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Postmortem.Document;

namespace ScribeBot.Web.Svg;

/// <summary>
/// Where everything of a <see cref="TimelineSvg"/> goes: the time scale (the chart's instants plus a margin, mapped to
/// x), the rows from top to bottom (the moments' labels, phases, the marker lane, the axis, the caption, the legend),
/// each moment's label row, each marker's level and label, and each legend item's place. Pure arithmetic; drawing is <see cref="TimelineSvg"/>'s.
/// </summary>
internal sealed class TimelineLayout
{
    public const int Width = 960;
    public const double Left = 16;
    public const double Right = Width - 16;
    public const double MarkerRadius = 6;
    public const double LevelHeight = 16;
    public const double PhaseRow = 22;
    public const double MomentRow = 14;
    public const double LegendRowHeight = 18;

    /// <summary>Rough width of one character at the chart's font size, to keep labels inside the frame.</summary>
    public const double CharWidth = 6.5;

    private readonly DateTimeOffset _from;
    private readonly DateTimeOffset _to;

    public TimelineLayout(TimelineChart chart)
    {
        (First, Last) = Extent(chart);
        // A margin of 3% (at least a second) keeps end labels off the frame; a fixed 30 seconds made a 39-second
        // incident a third of the width.
        var pad = First == Last ? TimeSpan.FromMinutes(5) : TimeSpan.FromTicks(Math.Max((Last - First).Ticks * 3 / 100, TimeSpan.TicksPerSecond));
        _from = First - pad;
        _to = Last + pad;
        var step = TimelineTicks.Step(_to - _from);
        Time = at => TimelineTicks.Time(chart.Clock, at, step);

        Moments = TimelineMoment.Place(chart, X, Time);
        PhasesTop = 10 + ((Moments.Count == 0 ? 0 : Moments.Max(m => m.Row) + 1) * MomentRow);
        Markers = TimelineMarkers.Stack(chart.Events, X, Time);
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

    /// <summary>A time of day as the axis writes it (with seconds when the axis counts seconds).</summary>
    public Func<DateTimeOffset, string> Time { get; }

    public IReadOnlyList<TimelineMoment> Moments { get; }

    public double PhasesTop { get; }

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
}
