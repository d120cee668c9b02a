using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Timeline;
using static ScribeBot.Pictures.Timeline.TimelineLayout;

namespace ScribeBot.Pictures.Timeline;

/// <summary>
/// The lanes, one per kind of event present (in tag order, untagged changes last), and each event's marker in its
/// kind's lane with its time as a visible label: phones have no hover, so the tooltip alone cannot say when a dot is.
/// The label sits right of its dot (left of it near the right edge), and within a lane a dot goes down a level while
/// its dot, glyph and label would overlap another's, so labels never cover each other or a dot.
/// </summary>
internal static class TimelineMarkers
{
    /// <summary>Levels of one lane before a crowd stops being labelled; past it the dots overlap where there is the most room.</summary>
    public const int MaxLevels = 4;

    public static (List<TimelineLane> Lanes, List<TimelineMarker> Markers) Stack(
        IReadOnlyList<DiagramEvent> events, Func<DateTimeOffset, double> x, Func<DateTimeOffset, string> time, double top)
    {
        var ordered = events.OrderBy(e => e.At).ToList();
        var kinds = ordered.Select(e => Kind.Of(e.Tags)).Distinct().OrderBy(k => k.Rank).ToList();
        var placed = new (int Lane, double X, int Level, string? Label, bool Leftward)[ordered.Count];
        var lanes = new List<TimelineLane>(kinds.Count);
        for (var lane = 0; lane < kinds.Count; lane++)
        {
            var kind = kinds[lane];
            var glyph = kind.Glyph;
            var packer = new RowPacker(MaxLevels, 6);
            var lastX = new double[MaxLevels];
            for (var i = 0; i < ordered.Count; i++)
            {
                if (Kind.Of(ordered[i].Tags) != kind)
                {
                    continue;
                }

                var at = x(ordered[i].At);
                var label = time(ordered[i].At);
                var width = TextWidthOf(label);
                var reach = MarkerRadius + (glyph == MarkerGlyph.None ? 0 : GlyphLength);
                var leftward = at + reach + 4 + width > Width - Margin;
                var (from, to) = leftward ? (at - MarkerRadius - 4 - width, at + reach) : (at - MarkerRadius, at + reach + 4 + width);
                if (packer.Place(from, to) is { } level)
                {
                    lastX[level] = at;
                    placed[i] = (lane, at, level, label, leftward);
                    continue;
                }

                // Unlabelled (the tooltip still tells): the level whose last dot is furthest away.
                var crowded = Enumerable.Range(0, MaxLevels).MaxBy(l => Math.Abs(at - lastX[l]));
                placed[i] = (lane, at, crowded, null, false);
            }

            var levels = Math.Max(1, packer.RowCount);
            var laneTop = lanes.Count == 0 ? top : lanes[^1].Bottom;
            lanes.Add(new TimelineLane(kind.Key, kind.Name, kind.Colour, glyph, laneTop, levels));
        }

        var markers = ordered.Select((e, i) => new TimelineMarker(e, placed[i].Lane, placed[i].X, placed[i].Level, placed[i].Label, placed[i].Leftward)).ToList();
        return (lanes, markers);
    }

    /// <summary>An event's kind for lanes and legend: its first tag, or a change; ordered as the tags are, changes last.</summary>
    internal readonly record struct Kind(TimelineTag? Tag)
    {
        public static Kind Of(IReadOnlyList<TimelineTag> tags) => new(tags.Count == 0 ? null : tags[0]);

        public string Key => Tag is { } tag ? tag.ToName() : KindColours.ChangeKey;

        public string Name => Tag is { } tag ? tag.ToLabel() : KindColours.ChangeName;

        public string Colour => Tag is { } tag ? KindColours.Of(tag) : KindColours.ChangeColour;

        public MarkerGlyph Glyph => Tag switch
        {
            TimelineTag.Misleading => MarkerGlyph.DeadEnd,
            TimelineTag.Escalation => MarkerGlyph.HandOff,
            _ => MarkerGlyph.None,
        };

        public int Rank => Tag is { } tag ? (int)tag : int.MaxValue;
    }
}
