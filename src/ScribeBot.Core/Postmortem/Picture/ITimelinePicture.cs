using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Postmortem.Picture;

/// <summary>
/// Draws an incident's timeline as an image for the places that cannot show the dashboard's SVG: the Slack and Teams
/// drafts, the sandbox feed, the HTML export. The core only asks for it; the drawing library lives outside the core.
/// Implementations are pure: the same incident at the same scale gives the same bytes.
/// </summary>
public interface ITimelinePicture
{
    /// <summary>The incident's timeline as a PNG at <paramref name="scale"/> (1 for standard screens, 2 for sharp ones).</summary>
    TimelineImage Draw(Incident incident, int scale = 1);
}
