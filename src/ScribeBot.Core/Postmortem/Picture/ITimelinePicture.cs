using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Postmortem.Picture;

/// <summary>
/// Draws an incident's timeline as an image for the places that cannot show the dashboard's SVG: the Slack and Teams
/// drafts, the sandbox feed, the HTML export. The core only asks for it; the drawing library lives outside the core.
/// Implementations are pure: the same incident at the same scale gives the same bytes.
/// </summary>
public interface ITimelinePicture
{
    /// <summary>
    /// The incident's timeline as a PNG at <paramref name="scale"/> (1 for standard screens, 2 for sharp ones): its
    /// phases and moments, and the tagged events of <paramref name="entries"/> (the incident's stored entries, as the
    /// draft takes them). There is no overload without the entries: the incident alone would draw an empty timeline.
    /// </summary>
    TimelineImage Draw(Incident incident, IReadOnlyList<TimelineEntry> entries, int scale = 1);

    /// <summary>The full picture from a draft already built (<see cref="PostmortemDocument.Diagram"/>), so a caller holding it does not build it twice.</summary>
    TimelineImage Draw(Incident incident, PostmortemDiagram diagram, int scale = 1);

    /// <summary>
    /// The picture's size at 1x and alt text, for a page that links the image: a renderer that can lay the picture out
    /// without drawing it should, since a page load then encodes no PNG it never sends.
    /// </summary>
    TimelineDescription Describe(Incident incident, PostmortemDiagram diagram)
    {
        var image = Draw(incident, diagram);
        return new TimelineDescription(image.Width, image.Height, image.AltText);
    }
}
