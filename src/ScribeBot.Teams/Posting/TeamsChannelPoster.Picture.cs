using Microsoft.Extensions.Logging;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Links;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Text;
using ScribeBot.Teams.Rendering;

namespace ScribeBot.Teams.Posting;

/// <summary>
/// The draft's timeline picture in Teams: drawn at the first attempt and stored with the rendering, attached to the
/// first message (the one with the summary) as an inline image when it is within Teams' documented limits
/// (<see cref="TeamsPicture.Fits"/>). A picture over them is not sent: a short message right after the first says
/// where to see it, the incident page, which draws the same timeline. It never holds the draft back.
/// </summary>
internal sealed partial class TeamsChannelPoster
{
    private TeamsRendering WithPicture(IReadOnlyList<string> messages, Incident incident, PostmortemDiagram diagram)
    {
        if (picture is null || messages.Count == 0)
        {
            return new TeamsRendering(messages);
        }

        TimelineImage image;
        try
        {
            image = picture.Draw(incident, diagram);
        }
        catch (Exception exception)
        {
            // A bug in the drawing (an incident shape it does not handle) must not hold back the draft's text.
            LogPictureNotDrawn(incident.Id, exception);
            return new TeamsRendering(messages);
        }

        var name = TimelineImage.FileName(incident.DisplayId);
        if (TeamsPicture.Fits(image))
        {
            return new TeamsRendering(messages) { Picture = new TeamsPicture(name, image.Png, At: 0) };
        }

        LogPictureTooLarge(incident.Id, image.Width, image.Height, image.Png.Length);
        return new TeamsRendering([messages[0], .. TooLargeNotice(incident), .. messages.Skip(1)]);
    }

    private IReadOnlyList<string> TooLargeNotice(Incident incident)
    {
        var text = new ChatTextBuilder().Emphasis(
            $"The timeline picture is larger than Teams shows in a message ({TeamsPicture.MaxPixels} × {TeamsPicture.MaxPixels} pixels, 1 MB). ");
        return TeamsMessages.Announcement(
            IncidentPages.Absolute(scribe.Value.PublicBaseUrl, IncidentPages.Page(incident.Id)) is { } page
                ? text.Plain("See it on ").Link("the incident page", page).Plain(".").Build()
                : text.Plain("See it on the incident's page in the ScribeBot dashboard.").Build());
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The timeline picture of {IncidentId} could not be drawn; the Teams draft goes out without it")]
    private partial void LogPictureNotDrawn(string incidentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The timeline picture of {IncidentId} ({Width} x {Height} px, {Bytes} bytes) is over Teams' limit for an inline image; the draft says where to see it instead")]
    private partial void LogPictureTooLarge(string incidentId, int width, int height, int bytes);
}
