using ScribeBot.Core.Postmortem.Document;
using static ScribeBot.Pictures.Timeline.TimelineLayout;

namespace ScribeBot.Pictures.Timeline;

/// <summary>
/// One kind of event's lane: its name on the left, its colour, and as many levels as its labels need to stay apart.
/// </summary>
/// <param name="Key">The wire name (<c>root-cause</c>, <c>change</c>), as a CSS class and data attribute.</param>
internal sealed record TimelineLane(string Key, string Name, string Colour, MarkerGlyph Glyph, double Top, int Levels)
{
    public double Bottom => Top + (Levels * LevelHeight);

    /// <summary>The centre line of a level, where its dots sit.</summary>
    public double LevelY(int level) => Top + (LevelHeight / 2) + (level * LevelHeight);
}

/// <summary>What a marker carries besides its dot: misleading paths end in a bar, escalations hand off with an arrow.</summary>
internal enum MarkerGlyph
{
    None,
    DeadEnd,
    HandOff,
}

/// <summary>One tagged event's marker: its lane, where it is drawn, on which level, and its label (null in a crowd too big to label).</summary>
internal sealed record TimelineMarker(DiagramEvent Event, int Lane, double X, int Level, string? Label, bool LabelLeftward);
