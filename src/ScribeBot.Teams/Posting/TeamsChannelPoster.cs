using System.Globalization;
using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Links;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Postmortem.ChannelVersion;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;
using ScribeBot.Teams.Access;
using ScribeBot.Teams.Bot;
using ScribeBot.Teams.Conversations;
using ScribeBot.Teams.Rendering;

namespace ScribeBot.Teams.Posting;

/// <summary>
/// Delivers the outbox's Teams posts outside any turn, through the stored conversation reference of the channel
/// (<see cref="ConversationAddresses"/>). Timelines and drafts are rendered from the store at an item's first attempt
/// and that rendering is stored (<see cref="TeamsRendering"/>) before the connector is called. A post that does not
/// fit one Teams message is several, sent in order; each part that the connector accepted is recorded durably before
/// the next is sent, so a retry after a 429, a 5xx or a restart sends only the stored parts still missing. A draft's
/// timeline picture (when the host has an <see cref="ITimelinePicture"/>) rides on its first message as an inline image.
/// </summary>
internal sealed partial class TeamsChannelPoster(
    CloudAdapter adapter,
    ConversationAddresses addresses,
    IAdapterStateStore state,
    IIncidentStore store,
    TeamsIdentity identity,
    TeamsAccess access,
    IOptions<ScribeOptions> scribe,
    TimeProvider time,
    ILogger<TeamsChannelPoster> logger,
    ITimelinePicture? picture = null,
    FollowupStates? states = null) : IChannelPoster
{
    public ChatPlatform Platform => ChatPlatform.Teams;

    /// <summary>
    /// With an app id, or in the Emulator mode (which calls loopback connectors only). A host without either has no
    /// Teams conversation to post to.
    /// </summary>
    public bool IsConfigured => access.Mode != TeamsMode.Closed;

    public static string ProgressKeyOf(string itemId) => $"teams:delivered:{itemId}";

    public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var renderingKey = TeamsRendering.KeyOf(item.Id);
        var rendering = TeamsRendering.FromJson(await state.GetStateAsync(renderingKey, cancellationToken).ConfigureAwait(false));
        if (rendering is { Done: true })
        {
            // Every part went out; only the outbox's own record of it was lost (a crash just after).
            return DeliveryResult.Delivered;
        }

        var reference = await addresses.FindAsync(item.Channel, cancellationToken).ConfigureAwait(false);
        if (reference is null)
        {
            return DeliveryResult.Permanent("no conversation reference stored for this channel");
        }

        if (!access.ServiceUrls.Allows(reference.ServiceUrl))
        {
            // Stored before the allow-list existed or changed since: the SDK would attach the bot's token to the call.
            return DeliveryResult.Permanent("the stored service URL is not on Teams:AllowedServiceUrls");
        }

        var progressKey = ProgressKeyOf(item.Id);
        var sent = int.TryParse(await state.GetStateAsync(progressKey, cancellationToken).ConfigureAwait(false), NumberStyles.None, CultureInfo.InvariantCulture, out var done)
            ? done
            : 0;
        if (rendering is null)
        {
            // The first attempt; or an item that a version before stored renderings left half sent, whose count of
            // accepted parts is all it has: rendered now, it goes on from that count as that version would have
            // (without a picture, which that version did not send and which could shift the count).
            rendering = await RenderAsync(item.Post, withPicture: sent == 0, cancellationToken).ConfigureAwait(false);
            if (rendering is null)
            {
                return DeliveryResult.Permanent($"nothing to post: {item.Post.GetType().Name} for an incident that does not exist");
            }

            await state.SetItemStateAsync(item.Id, renderingKey, rendering.ToJson(), cancellationToken).ConfigureAwait(false);
        }

        var messages = rendering.Messages;
        for (var part = sent; part < messages.Count; part++)
        {
            var attachment = rendering.Picture is { } image && image.At == part ? image.ToAttachment() : null;
            var failure = await SendAsync(reference, messages[part], attachment, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                LogPartFailed(item.Id, part, messages.Count, failure.ToString());
                return failure;
            }

            // Recorded even when the host is stopping meanwhile: forgotten, the part would be sent again after the restart.
            await state.SetItemStateAsync(item.Id, progressKey, (part + 1).ToString(CultureInfo.InvariantCulture), CancellationToken.None).ConfigureAwait(false);
        }

        // Frees the stored rendering, and answers a retry whose outbox mark was lost without calling the connector.
        // Written even when the host is stopping, like the count.
        await state.SetItemStateAsync(item.Id, renderingKey, TeamsRendering.Completed.ToJson(), CancellationToken.None).ConfigureAwait(false);
        return DeliveryResult.Delivered;
    }

    private async Task<TeamsRendering?> RenderAsync(ChannelPost post, bool withPicture, CancellationToken cancellationToken)
    {
        switch (post)
        {
            case AnnouncementPost announcement:
                return new(TeamsMessages.Announcement(announcement.Text));

            // Teams has no message only one person sees in a channel.
            case PrivatePost notice:
                return new(TeamsMessages.Announcement(notice.Text));
            case TimelinePost timeline when await store.GetWithTimelineAsync(timeline.IncidentId, cancellationToken).ConfigureAwait(false) is { } found:
                return new(TeamsMessages.Section(
                    $"{found.Incident.DisplayId}: {found.Incident.Title} - timeline so far",
                    ChatText.Of(PostmortemDraft.TimelineStatusLine(found.Incident)),
                    PostmortemDraft.BuildTimeline(found.Incident, found.Entries)));
            case PostmortemPost postmortem when await store.GetWithTimelineAsync(postmortem.IncidentId, cancellationToken).ConfigureAwait(false) is { } loaded:
                // The follow-ups' states as the tracker has them (cached); the stored ones, marked, when it cannot be read.
                var shown = states is null ? loaded : loaded with { Incident = await states.ShowAsync(loaded.Incident, cancellationToken).ConfigureAwait(false) };
                var document = PostmortemDraft.Build(shown.Incident, shown.Entries);
                var draft = TeamsMessages.Draft(
                    ChannelDraftBuilder.Build(document, LeadBuilder.Build(shown.Incident, shown.Entries), FullDraftPlace(shown.Incident.Id)),
                    MarkdownUrlOf(shown.Incident.Id));
                return withPicture ? WithPicture(draft, shown.Incident, document.Diagram) : new(draft);
            default:
                return null;
        }
    }

    /// <summary>The dashboard's Markdown download of the draft, when the host has a public address to link to.</summary>
    private string? MarkdownUrlOf(string incidentId) =>
        IncidentPages.Absolute(scribe.Value.PublicBaseUrl, IncidentPages.Markdown(incidentId));

    /// <summary>Where the channel version sends its reader for what it leaves out: Teams has no file, so the dashboard.</summary>
    private ChatText FullDraftPlace(string incidentId) =>
        IncidentPages.Absolute(scribe.Value.PublicBaseUrl, IncidentPages.Page(incidentId)) is { } page
            ? new ChatTextBuilder().Link("the incident's dashboard page", page).Build()
            : ChatText.Of("the full draft on the dashboard");

    /// <summary>One message (with the picture, when it is this one's) through the connector; null when it was accepted.</summary>
    private async Task<DeliveryResult?> SendAsync(ConversationReference reference, string html, Attachment? attachment, CancellationToken cancellationToken)
    {
        try
        {
            // Sent to the conversation (the thread, by its ;messageid=) with the connector client the adapter made
            // for this reference: the turn's own SendActivity would reply to the continuation's made-up activity id.
            await adapter.ContinueConversationAsync(
                identity.AppId,
                reference,
                async (turn, token) =>
                {
                    var activity = TeamsActivities.Html(html);
                    if (attachment is not null)
                    {
                        activity.Attachments = [attachment];
                    }

                    activity.ApplyConversationReference(reference);
                    activity.ReplyToId = null;
                    var connector = turn.TurnState.Get<IConnectorClient>();
                    await connector.Conversations.SendToConversationAsync(activity, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Microsoft.Bot.Schema.ErrorResponseException exception) when (exception.Response is { } response)
        {
            return Classify(response.StatusCode, RetryAfterOf(response.Headers), exception.Body?.Error?.Code ?? exception.Message);
        }
        catch (HttpRequestException exception)
        {
            return DeliveryResult.Retry(null, $"connector unreachable: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Retry(null, "connector timed out");
        }
    }

    /// <summary>
    /// Throttling, timeouts and server errors pass; a conversation that is gone, a bot removed from the team (403)
    /// or a payload refused do not, and retrying them for two days would only hide the problem.
    /// </summary>
    internal static DeliveryResult Classify(HttpStatusCode status, TimeSpan? retryAfter, string error)
    {
        var code = (int)status;
        var text = $"{code} {error}";
        return code is 429 or 408 or >= 500 || status == HttpStatusCode.Unauthorized
            ? DeliveryResult.Retry(retryAfter, text)
            : DeliveryResult.Permanent(text);
    }

    private TimeSpan? RetryAfterOf(IDictionary<string, IEnumerable<string>>? headers)
    {
        var value = headers?.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams: part {Part} of {Parts} of outbox item {ItemId} not delivered: {Failure}")]
    private partial void LogPartFailed(string itemId, int part, int parts, string failure);
}
