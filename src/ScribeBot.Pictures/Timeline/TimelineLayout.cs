using ScribeBot.Pictures.Fonts;

namespace ScribeBot.Pictures.Timeline;

/// <summary>
/// Where everything of a <see cref="TimelineSvg"/> goes: the time scale (the chart's instants plus a margin, mapped to
/// x), the rows from top to bottom (the moments' labels, phases, one lane per kind of event, the axis, the caption, the
/// legend), each moment's label row, each marker's lane, level and label, and each legend item's place. Pure
/// arithmetic over measured text; drawing is <see cref="TimelineSvg"/>'s, and the PNG is that SVG drawn.
/// </summary>
internal sealed class TimelineLayout
{
    public const int Width = 960;

    /// <summary>Every text of the chart: 12 px at 1x, the smallest a phone reader can still take in.</summary>
    public const double FontSize = 12;

    /// <summary>The frame's inner margin.</summary>
    public const double Margin = 16;

    /// <summary>Where the time scale starts: the lanes' names sit left of it.</summary>
    public const double Left = 112;

    /// <summary>Where it ends: room right of the last dot for a dead end or a hand-off arrow.</summary>
    public const double Right = Width - 32;

    public const double MarkerRadius = 6;

    /// <summary>The stub that ends a misleading path in a bar, or carries an escalation's arrow.</summary>
    public const double GlyphLength = 14;

    public const double LevelHeight = 22;
    public const double PhaseRow = 24;
    public const double PhaseBar = 18;
    public const double MomentRow = 16;
    public const double LegendRowHeight = 20;

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
        PhasesTop = 12 + ((Moments.Count == 0 ? 0 : Moments.Max(m => m.Row) + 1) * MomentRow);
        LaneTop = PhasesTop + (chart.Phases.Count * PhaseRow) + 6;
        (Lanes, Markers) = TimelineMarkers.Stack(chart.Events, X, Time, LaneTop);
        var lanesBottom = Lanes.Count == 0 ? LaneTop + LevelHeight : Lanes[^1].Bottom;
        AxisY = lanesBottom + 6;
        CaptionY = AxisY + 36;
        Legend = TimelineLegend.LayOut(chart.Events);
        LegendTop = CaptionY + 26;
        var rows = Legend.Count == 0 ? 0 : Legend.Max(r => r.Row) + 1;
        // Whole pixels: the PNG is exactly this tall at 1x and twice it at 2x.
        Height = Math.Ceiling(rows == 0 ? CaptionY + 12 : LegendTop + ((rows - 1) * LegendRowHeight) + 12);
        Ticks = TimelineTicks.Between(_from, _to, chart.Clock);
    }

    /// <summary>A time of day as the axis writes it (with seconds when the axis counts seconds).</summary>
    public Func<DateTimeOffset, string> Time { get; }

    public IReadOnlyList<TimelineMoment> Moments { get; }

    public double PhasesTop { get; }

    /// <summary>The earliest and latest instant drawn.</summary>
    public DateTimeOffset First { get; }

    public DateTimeOffset Last { get; }

    public IReadOnlyList<TimelineLane> Lanes { get; }

    /// <summary>The events' markers, in time order.</summary>
    public IReadOnlyList<TimelineMarker> Markers { get; }

    public IReadOnlyList<TimelineLegend.Placed> Legend { get; }

    public IReadOnlyList<(DateTimeOffset At, string Label)> Ticks { get; }

    public double LaneTop { get; }

    public double AxisY { get; }

    public double CaptionY { get; }

    public double LegendTop { get; }

    public double Height { get; }

    public double X(DateTimeOffset at) => Left + ((at - _from).Ticks / (double)(_to - _from).Ticks * (Right - Left));

    /// <summary>A label's width at the chart's font size.</summary>
    public static double TextWidthOf(string text, bool bold = false) => TextWidth.Of(text, FontSize, bold);

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
