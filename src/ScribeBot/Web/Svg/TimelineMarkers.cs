using ScribeBot.Core.Postmortem.Document;
using static ScribeBot.Web.Svg.TimelineLayout;

namespace ScribeBot.Web.Svg;

/// <summary>
/// Each tagged event's marker and its visible label ("14:13 Detection"): phones have no hover, so the tooltip alone
/// cannot say what a dot is. The label sits right of its dot (left of it near the right edge) on the dot's level, and a
/// dot goes up a level while its dot-and-label would overlap another, so labels never cover each other or a dot.
/// </summary>
internal static class TimelineMarkers
{
    /// <summary>Levels before a crowd stops being labelled; past it the dots overlap where there is the most room.</summary>
    public const int MaxLevels = 12;

    private const int MaxKind = 22;

    public static List<TimelineMarker> Stack(IReadOnlyList<DiagramEvent> events, Func<DateTimeOffset, double> x, Func<DateTimeOffset, string> time)
    {
        var packer = new RowPacker(MaxLevels, 6);
        var markers = new List<TimelineMarker>(events.Count);
        var lastX = new double[MaxLevels];
        foreach (var e in events.OrderBy(e => e.At))
        {
            var at = x(e.At);
            var label = $"{time(e.At)} {SvgWriter.Shorten(e.Kind, MaxKind)}";
            var width = label.Length * CharWidth;
            var leftward = at + MarkerRadius + 4 + width > Right;
            var (from, to) = leftward ? (at - MarkerRadius - 4 - width, at + MarkerRadius) : (at - MarkerRadius, at + MarkerRadius + 4 + width);
            if (packer.Place(from, to) is { } level)
            {
                lastX[level] = at;
                markers.Add(new TimelineMarker(e, at, level, label, leftward));
                continue;
            }

            // Unlabelled (the tooltip still tells): the level whose last dot is furthest away.
            var crowded = Enumerable.Range(0, MaxLevels).MaxBy(l => Math.Abs(at - lastX[l]));
            markers.Add(new TimelineMarker(e, at, crowded, null, false));
        }

        return markers;
    }
}

/// <summary>One tagged event's marker: where it is drawn, on which level, and its label (null in a crowd too big to label).</summary>
internal sealed record TimelineMarker(DiagramEvent Event, double X, int Level, string? Label, bool LabelLeftward);
