using ScribeBot.Pictures.Svg;
using static ScribeBot.Pictures.Timeline.TimelineLayout;

namespace ScribeBot.Pictures.Timeline;

/// <summary>
/// The shapes beside a dot that say what kind of step it was without reading a colour: a misleading path is a stub
/// ending in a bar (a dead end), an escalation a stub ending in an arrowhead (a hand-off to someone else).
/// </summary>
internal static class MarkerGlyphs
{
    /// <param name="cx">The dot's centre.</param>
    /// <param name="radius">The dot's radius: the stub starts at its edge.</param>
    public static void Draw(SvgWriter svg, MarkerGlyph glyph, double cx, double cy, double radius, string colour)
    {
        var start = cx + radius;
        var end = start + GlyphLength;
        switch (glyph)
        {
            case MarkerGlyph.DeadEnd:
                svg.Start("g", ("class", "dead-end"), ("stroke", colour), ("stroke-width", 2));
                svg.Empty("line", ("x1", start), ("x2", end - 1), ("y1", cy), ("y2", cy));
                svg.Empty("line", ("x1", end - 1), ("x2", end - 1), ("y1", cy - 6), ("y2", cy + 6), ("stroke-width", 3));
                svg.End();
                break;
            case MarkerGlyph.HandOff:
                svg.Start("g", ("class", "hand-off"), ("fill", colour));
                svg.Empty("line", ("x1", start), ("x2", end - 6), ("y1", cy), ("y2", cy), ("stroke", colour), ("stroke-width", 2));
                svg.Empty("path", ("d", $"M{SvgWriter.Number(end)} {SvgWriter.Number(cy)} l-8 -5 v10 z"));
                svg.End();
                break;
            case MarkerGlyph.None:
            default:
                break;
        }
    }
}
