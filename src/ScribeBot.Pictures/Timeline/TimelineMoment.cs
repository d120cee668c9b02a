using static ScribeBot.Pictures.Timeline.TimelineLayout;

namespace ScribeBot.Pictures.Timeline;

/// <summary>
/// A moment drawn as a labelled dashed line across the chart: declared, acknowledged, resolved. Labels close in time
/// (declared then acknowledged a minute later) go on separate rows rather than over each other.
/// </summary>
/// <param name="Key">Class name: <c>declared</c>, <c>acknowledged</c>, <c>resolved</c>.</param>
/// <param name="Label">The visible label, "Declared 14:10".</param>
/// <param name="Tooltip">Full day, time, zone and who.</param>
internal sealed record TimelineMoment(string Key, string Label, string Tooltip, string Colour, double X, int Row, bool Leftward)
{
    public const string DeclaredColour = "#b42318";
    public const string AcknowledgedColour = "#b54708";
    public const string ResolvedColour = "#067647";

    /// <summary>The label's baseline.</summary>
    public double LabelY => 14 + (Row * MomentRow);

    public static List<TimelineMoment> Place(TimelineChart chart, Func<DateTimeOffset, double> x, Func<DateTimeOffset, string> time)
    {
        var clock = chart.Clock;
        var moments = new List<(string Key, string Name, DateTimeOffset At, string? By, string Colour)>
        {
            ("declared", "Declared", chart.Declared, null, DeclaredColour),
        };
        if (chart.Acknowledged is { } ack)
        {
            moments.Add(("acknowledged", "Acknowledged", ack.At, ack.By.DisplayName, AcknowledgedColour));
        }

        if (chart.Resolved is { } resolved)
        {
            moments.Add(("resolved", "Resolved", resolved.At, resolved.By.DisplayName, ResolvedColour));
        }

        var packer = new RowPacker(moments.Count, 8);
        var placed = new List<TimelineMoment>(moments.Count);
        foreach (var (key, name, at, by, colour) in moments)
        {
            var lineX = x(at);
            var label = $"{name} {time(at)}";
            var width = TextWidthOf(label, bold: true);
            var leftward = lineX + 4 + width > Width - Margin;
            var row = packer.Place(leftward ? lineX - 4 - width : lineX, leftward ? lineX : lineX + 4 + width) ?? moments.Count - 1;
            var tooltip = $"{name} at {clock.DayAndTime(at)} {clock.Abbreviation(at)}" + (by is null ? "" : $" by {by}");
            placed.Add(new TimelineMoment(key, label, tooltip, colour, lineX, row, leftward));
        }

        return placed;
    }
}
