using System.Text;
using Microsoft.Extensions.Logging;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Links;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.ChannelVersion;
using ScribeBot.Core.Postmortem.Markdown;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Blocks;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Posting;

/// <summary>
/// Delivers the outbox's Slack posts. Timelines and drafts are rendered from the store at an item's first attempt and
/// that rendering is stored (<see cref="SlackDeliveryRecord"/>) before Slack is called: every later attempt posts the
/// same parts, and, since an earlier attempt may have reached Slack (a crash, a lost answer), first looks in the
/// channel for the parts the bot already posted. A draft is its first message in the channel, then in that message's
/// thread its timeline picture (when the host has an <see cref="ITimelinePicture"/>), the continuations, and the full
/// Markdown (with the transcript) as a file.
/// </summary>
internal sealed partial class SlackChannelPoster(
    Func<SlackWebApiClient> slack,
    SlackBotAccount account,
    IIncidentStore store,
    IAdapterStateStore state,
    IEnumerable<IPeopleDirectory> people,
    bool hasBotToken,
    string? publicBaseUrl,
    ILogger<SlackChannelPoster> logger,
    ITimelinePicture? picture = null,
    FollowupStates? states = null) : IChannelPoster
{
    // Errors no retry can fix: the channel is gone or the payload itself is refused.
    private static readonly HashSet<string> PermanentErrors = new(StringComparer.Ordinal)
    {
        "channel_not_found", "is_archived", "invalid_blocks", "msg_too_long", "no_text", "invalid_arguments",
        "too_many_attachments", "restricted_action",
    };

    public ChatPlatform Platform => ChatPlatform.Slack;

    /// <summary>
    /// How far before its enqueue the channel check looks for an item's parts: the enqueue instant is our clock, the
    /// messages' ts are Slack's, and a clock that was ahead when the item was stored must not hide a post.
    /// </summary>
    internal static readonly TimeSpan ClockTolerance = TimeSpan.FromHours(1);

    public bool IsConfigured => hasBotToken;

    public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (item.Post is PrivatePost notice)
        {
            return await DeliverPrivateAsync(notice, cancellationToken).ConfigureAwait(false);
        }

        var key = SlackDeliveryRecord.KeyOf(item.Id);
        var record = SlackDeliveryRecord.FromJson(await state.GetStateAsync(key, cancellationToken).ConfigureAwait(false));
        if (record is { Done: true })
        {
            // Everything went out; only the outbox's own record of it was lost (a crash just after).
            return DeliveryResult.Delivered;
        }

        // An earlier attempt may have reached Slack whenever one started: a record exists (stored before any call)
        // or a failure was counted (an item from before records were kept).
        var mayFollow = record is not null || item.Attempts > 0;
        if (record is null)
        {
            record = await RenderAsync(item, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                return DeliveryResult.Permanent($"nothing to post: {item.Post.GetType().Name} for an incident that does not exist");
            }

            await state.SetItemStateAsync(item.Id, key, record.ToJson(), cancellationToken).ConfigureAwait(false);
        }

        var client = slack();
        var result = await PostRecordAsync(client, item, record, mayFollow, cancellationToken).ConfigureAwait(false);
        if (result is DeliveredResult)
        {
            // Written even when the host is stopping meanwhile, and it frees the stored rendering.
            await state.SetItemStateAsync(item.Id, key, SlackDeliveryRecord.Completed.ToJson(), CancellationToken.None).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<SlackDeliveryRecord?> RenderAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        switch (item.Post)
        {
            case AnnouncementPost announcement:
                return new SlackDeliveryRecord([AnnouncementBlocks.Render(announcement.Text)], null);

            case TimelinePost timeline when await LoadAsync(timeline.IncidentId, cancellationToken).ConfigureAwait(false) is { } found:
                var section = PostmortemDraft.BuildTimeline(found.Incident, found.Entries);
                var title = $"{found.Incident.DisplayId}: {found.Incident.Title} - timeline so far";
                var meta = ChatText.Of(PostmortemDraft.TimelineStatusLine(found.Incident));
                return new SlackDeliveryRecord(PostmortemBlocks.RenderSection(title, meta, section), null);

            case PostmortemPost postmortem when await LoadAsync(postmortem.IncidentId, cancellationToken).ConfigureAwait(false) is { } loaded:
                // The follow-ups' states as the tracker has them (cached); the stored ones, marked, when it cannot be read.
                var shown = states is null ? loaded : loaded with { Incident = await states.ShowAsync(loaded.Incident, cancellationToken).ConfigureAwait(false) };
                var document = PostmortemDraft.Build(shown.Incident, shown.Entries);
                var draft = ChannelDraftBuilder.Build(document, LeadBuilder.Build(shown.Incident, shown.Entries), FullDraftPlace(shown.Incident.Id));
                return new SlackDeliveryRecord(
                    PostmortemBlocks.Render(draft),
                    new SlackUpload(
                        $"{shown.Incident.DisplayId}-postmortem.md",
                        $"{shown.Incident.DisplayId} postmortem draft",
                        PostmortemMarkdown.Render(document)))
                {
                    Picture = DrawPicture(shown.Incident, document.Diagram),
                };

            default:
                return null;
        }
    }

    /// <summary>Where the channel version sends its reader for what it leaves out: the dashboard, else the upload.</summary>
    private ChatText FullDraftPlace(string incidentId) =>
        IncidentPages.Absolute(publicBaseUrl, IncidentPages.Page(incidentId)) is { } page
            ? new ChatTextBuilder().Link("the incident's dashboard page", page).Plain(" and the Markdown file in this thread").Build()
            : ChatText.Of("the Markdown file in this thread");

    private async Task<DeliveryResult> PostRecordAsync(
        SlackWebApiClient client, OutboxItem item, SlackDeliveryRecord record, bool mayFollow, CancellationToken cancellationToken)
    {
        var channel = item.Channel.Channel;
        var earlier = SlackEarlierPosts.None;
        if (mayFollow)
        {
            var (found, failure) = await FindEarlierAsync(client, item, record, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }

            earlier = found;
        }

        if (record.Parts.Count == 0)
        {
            return DeliveryResult.Delivered;
        }

        var parent = earlier.Parts.GetValueOrDefault(0);
        if (parent is null)
        {
            var first = await client.Chat.PostMessageAsync(channel, record.Parts[0], null, new SlackPostMarker(item.Id, 0), cancellationToken).ConfigureAwait(false);
            if (!first.IsOk)
            {
                return await FailureAsync(client, channel, first, "chat.postMessage", cancellationToken).ConfigureAwait(false);
            }

            parent = first.Value;
        }

        // Right after the summary: Slack orders a thread by arrival, so the picture goes before the continuations.
        var pictureLater = record.Picture is { } image && !earlier.HasFile(image.FileName)
            ? await UploadPictureAsync(client, item, record, image, parent, cancellationToken).ConfigureAwait(false)
            : null;

        for (var part = 1; part < record.Parts.Count; part++)
        {
            if (earlier.Parts.ContainsKey(part))
            {
                continue;
            }

            var result = await client.Chat.PostMessageAsync(channel, record.Parts[part], parent, new SlackPostMarker(item.Id, part), cancellationToken).ConfigureAwait(false);
            if (!result.IsOk)
            {
                return await FailureAsync(client, channel, result, "chat.postMessage", cancellationToken).ConfigureAwait(false);
            }
        }

        if (record.Upload is { } file && !earlier.HasFile(file.FileName))
        {
            var upload = await client.Files.UploadAsync(
                channel, parent, file.FileName, file.Title, Encoding.UTF8.GetBytes(file.Content), initialComment: null, cancellationToken).ConfigureAwait(false);
            if (!upload.IsOk)
            {
                return await FailureAsync(client, channel, upload, "files.upload", cancellationToken).ConfigureAwait(false);
            }
        }

        return pictureLater ?? DeliveryResult.Delivered;
    }

    /// <summary>
    /// <c>chat.postEphemeral</c>. An ephemeral message is not in the channel's history, so a retry cannot check whether
    /// an earlier attempt arrived: at worst the person sees the line twice. Someone who already left the channel again
    /// is not waited for.
    /// </summary>
    private async Task<DeliveryResult> DeliverPrivateAsync(PrivatePost notice, CancellationToken cancellationToken)
    {
        var client = slack();
        var channel = notice.Channel.Channel;
        var result = await client.Chat.PostEphemeralAsync(channel, notice.Recipient.Id, AnnouncementBlocks.Render(notice.Text), cancellationToken)
            .ConfigureAwait(false);
        if (result.IsOk)
        {
            return DeliveryResult.Delivered;
        }

        return result.Error == "user_not_in_channel"
            ? DeliveryResult.Permanent("chat.postEphemeral: user_not_in_channel")
            : await FailureAsync(client, channel, result, "chat.postEphemeral", cancellationToken).ConfigureAwait(false);
    }

    private Task<DeliveryResult> FailureAsync<T>(
        SlackWebApiClient client, string channel, SlackApiResult<T> failure, string method, CancellationToken cancellationToken)
    {
        LogDeliveryFailed(channel, method, failure.Status, failure.Error);
        return failure.Status switch
        {
            SlackApiStatus.RateLimited => Task.FromResult(DeliveryResult.Retry(failure.RetryAfter, $"{method}: rate limited")),
            SlackApiStatus.Unavailable => Task.FromResult(DeliveryResult.Retry(null, $"{method}: {failure.Error}")),
            _ when failure.Error == "not_in_channel" => JoinThenRetryAsync(client, channel, method, cancellationToken),
            _ when failure.Error is { } code && PermanentErrors.Contains(code) => Task.FromResult(DeliveryResult.Permanent($"{method}: {code}")),

            // invalid_auth, missing_scope, token_revoked...: an admin can fix these, so keep the post and retry.
            _ => Task.FromResult(DeliveryResult.Retry(null, $"{method}: {failure.Error}")),
        };
    }

    // A public channel the bot left can be rejoined; a private one needs a person to /invite it, and until then the
    // post waits in the outbox.
    private static async Task<DeliveryResult> JoinThenRetryAsync(
        SlackWebApiClient client, string channel, string method, CancellationToken cancellationToken)
    {
        var joined = await client.Conversations.JoinAsync(channel, cancellationToken).ConfigureAwait(false);
        return DeliveryResult.Retry(
            joined.IsOk ? TimeSpan.Zero : null,
            joined.IsOk ? $"{method}: not_in_channel, joined" : $"{method}: not_in_channel; invite the bot with /invite");
    }

    private async Task<(Incident Incident, IReadOnlyList<Core.Timeline.TimelineEntry> Entries)?> LoadAsync(
        string incidentId, CancellationToken cancellationToken)
    {
        // People are stored with the name known when their message was acknowledged (maybe only their id, if Slack
        // was slow then); the post shows the best name known now.
        return await store.GetWithTimelineAsync(incidentId, cancellationToken).ConfigureAwait(false) is var (incident, entries)
            ? await PeopleNames.ApplyAsync(people, incident, entries, cancellationToken).ConfigureAwait(false)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack post to {Channel} failed at {Method}: {Status} {Error}")]
    private partial void LogDeliveryFailed(string channel, string method, SlackApiStatus status, string? error);
}
