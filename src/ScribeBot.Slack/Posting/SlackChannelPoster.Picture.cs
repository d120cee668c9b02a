using Microsoft.Extensions.Logging;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Posting;

/// <summary>
/// The draft's timeline picture: drawn once, at the first attempt, into the stored record; uploaded into the draft's
/// thread right after the first message. It is an addition to the draft, never a condition for it.
/// </summary>
internal sealed partial class SlackChannelPoster
{
    /// <summary>The picture at 1x, or none without a picture service or when drawing failed.</summary>
    private SlackPicture? DrawPicture(Incident incident, PostmortemDiagram diagram)
    {
        if (picture is null)
        {
            return null;
        }

        try
        {
            var image = picture.Draw(incident, diagram);
            return new SlackPicture(TimelineImage.FileName(incident.DisplayId), $"{incident.DisplayId} timeline", image.AltText, image.Png);
        }
        catch (Exception exception)
        {
            // A bug in the drawing (an incident shape it does not handle) must not hold back the draft's text.
            LogPictureNotDrawn(incident.Id, exception);
            return null;
        }
    }

    /// <summary>
    /// Uploads the picture into the thread of <paramref name="parentTs"/>. Null when it went out or was given up; a
    /// retry when Slack was unavailable or rate limited: the upload may have arrived (a lost answer), so the rest of the
    /// draft goes out now and the next attempt looks in the thread before it uploads again. An error Slack answers
    /// (missing <c>files:write</c>, uploads disabled in the workspace, the file type refused) is not a passing state:
    /// the picture is dropped from the stored record, so it is logged once and never holds the item.
    /// </summary>
    private async Task<DeliveryResult?> UploadPictureAsync(
        SlackWebApiClient client, OutboxItem item, SlackDeliveryRecord record, SlackPicture image, string parentTs, CancellationToken cancellationToken)
    {
        var channel = item.Channel.Channel;
        var upload = await client.Files.UploadAsync(
            channel, parentTs, image.FileName, image.Title, image.Png, initialComment: null, image.AltText, cancellationToken).ConfigureAwait(false);
        if (upload.IsOk)
        {
            return null;
        }

        if (upload.Status is SlackApiStatus.RateLimited or SlackApiStatus.Unavailable)
        {
            LogPictureDeferred(channel, item.Id, upload.Status, upload.Error);
            return DeliveryResult.Retry(upload.RetryAfter, $"timeline picture: {upload.Error}");
        }

        LogPictureDropped(channel, item.Id, upload.Error, upload.NeededScope ?? "-");
        await state.SetItemStateAsync(item.Id, SlackDeliveryRecord.KeyOf(item.Id), (record with { Picture = null }).ToJson(), cancellationToken)
            .ConfigureAwait(false);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The timeline picture of {IncidentId} could not be drawn; the draft goes out without it")]
    private partial void LogPictureNotDrawn(string incidentId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack refused the timeline picture for {Channel} (outbox item {ItemId}): {Error}, needed scope {NeededScope}. The draft goes out without it; a missing_scope is fixed by adding files:write to the Slack app and reinstalling it")]
    private partial void LogPictureDropped(string channel, string itemId, string? error, string neededScope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The timeline picture for {Channel} (outbox item {ItemId}) did not go out ({Status} {Error}); the rest of the draft goes on and the picture is tried again")]
    private partial void LogPictureDeferred(string channel, string itemId, SlackApiStatus status, string? error);
}
