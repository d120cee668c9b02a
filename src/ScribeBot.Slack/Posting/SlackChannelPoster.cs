using System.Text;
using Microsoft.Extensions.Logging;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Links;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.ChannelVersion;
using ScribeBot.Core.Postmortem.Markdown;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Blocks;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Posting;

/// <summary>
/// Delivers the outbox's Slack posts. Timelines and drafts are rendered from the store at an item's first attempt and
/// that rendering is stored (<see cref="SlackDeliveryRecord"/>) before Slack is called: every later attempt posts the
/// same parts, and, since an earlier attempt may have reached Slack (a crash, a lost answer), first looks in the
/// channel for the parts the bot already posted. A draft is its first message in the channel, the continuations in
/// that message's thread, and the full Markdown (with the transcript) uploaded in the same thread.
/// </summary>
internal sealed partial class SlackChannelPoster(
    Func<SlackWebApiClient> slack,
    SlackBotAccount account,
    IIncidentStore store,
    IAdapterStateStore state,
    IEnumerable<IPeopleDirectory> people,
    bool hasBotToken,
    string? publicBaseUrl,
    ILogger<SlackChannelPoster> logger) : IChannelPoster
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

            case PostmortemPost postmortem when await LoadAsync(postmortem.IncidentId, cancellationToken).ConfigureAwait(false) is { } found:
                var document = PostmortemDraft.Build(found.Incident, found.Entries);
                var draft = ChannelDraftBuilder.Build(document, LeadBuilder.Build(found.Incident, found.Entries), FullDraftPlace(found.Incident.Id));
                return new SlackDeliveryRecord(
                    PostmortemBlocks.Render(draft),
                    new SlackUpload(
                        $"{found.Incident.DisplayId}-postmortem.md",
                        $"{found.Incident.DisplayId} postmortem draft",
                        PostmortemMarkdown.Render(document)));

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
        var posted = await PostThreadAsync(client, item, record.Parts, mayFollow, cancellationToken).ConfigureAwait(false);
        if (posted.Failure is { } failure)
        {
            return failure;
        }

        if (record.Upload is not { } file)
        {
            return DeliveryResult.Delivered;
        }

        var upload = await client.Files.UploadAsync(
            channel,
            posted.ParentTs,
            file.FileName,
            file.Title,
            Encoding.UTF8.GetBytes(file.Content),
            initialComment: null,
            cancellationToken).ConfigureAwait(false);
        return upload.IsOk
            ? DeliveryResult.Delivered
            : await FailureAsync(client, channel, upload, "files.upload", cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// The first payload in the channel, the rest as replies in its thread, each marked with the item's id and its part.
    /// An attempt that may follow an earlier one first reads which parts the bot already posted (an answer lost in a
    /// timeout, a later part that failed, a crash before the delivery was recorded) and posts only the others; if that
    /// read is rate limited, it retries later rather than post blind.
    /// </summary>
    private async Task<(string? ParentTs, DeliveryResult? Failure)> PostThreadAsync(
        SlackWebApiClient client, OutboxItem item, IReadOnlyList<SlackMessagePayload> payloads, bool mayFollow, CancellationToken cancellationToken)
    {
        var channel = item.Channel.Channel;
        var posted = new Dictionary<int, string>();
        if (mayFollow)
        {
            var bot = await account.GetAsync(cancellationToken).ConfigureAwait(false);
            if (bot.Status == SlackApiStatus.RateLimited)
            {
                return (null, await FailureAsync(client, channel, bot, "auth.test", cancellationToken).ConfigureAwait(false));
            }

            var since = item.EnqueuedAt - ClockTolerance;
            var top = bot.IsOk
                ? await client.Conversations.FindMarkedPostsAsync(channel, threadTs: null, since, cancellationToken).ConfigureAwait(false)
                : bot.Failure<IReadOnlyList<SlackMarkedPost>>();
            if (top.Status == SlackApiStatus.RateLimited)
            {
                return (null, await FailureAsync(client, channel, top, "conversations.history", cancellationToken).ConfigureAwait(false));
            }

            AddParts(posted, top, bot.Value, item.Id, channel, bot.IsOk ? "conversations.history" : "auth.test");
            if (payloads.Count > 1 && posted.TryGetValue(0, out var parentTs))
            {
                var replies = await client.Conversations.FindMarkedPostsAsync(channel, parentTs, since, cancellationToken).ConfigureAwait(false);
                if (replies.Status == SlackApiStatus.RateLimited)
                {
                    return (parentTs, await FailureAsync(client, channel, replies, "conversations.replies", cancellationToken).ConfigureAwait(false));
                }

                AddParts(posted, replies, bot.Value, item.Id, channel, "conversations.replies");
            }
        }

        var parent = posted.GetValueOrDefault(0);
        for (var part = 0; part < payloads.Count; part++)
        {
            if (posted.ContainsKey(part))
            {
                continue;
            }

            var result = await client.Chat.PostMessageAsync(channel, payloads[part], parent, new SlackPostMarker(item.Id, part), cancellationToken).ConfigureAwait(false);
            if (!result.IsOk)
            {
                return (parent, await FailureAsync(client, channel, result, "chat.postMessage", cancellationToken).ConfigureAwait(false));
            }

            parent ??= result.Value;
        }

        return (parent, null);
    }

    // A lookup that fails for any reason but a rate limit (a missing scope, an API the workspace refuses, Slack down)
    // does not hold the post back: posting twice is better than never posting, and if Slack is down the post fails
    // and is retried anyway.
    private void AddParts(
        Dictionary<int, string> posted, SlackApiResult<IReadOnlyList<SlackMarkedPost>> found, SlackAuthInfo? bot, string itemId, string channel, string method)
    {
        if (!found.IsOk || bot is null)
        {
            LogLookupFailed(channel, method, found.Status, found.Error);
            return;
        }

        foreach (var message in found.Value!)
        {
            if (message.Marker.OutboxId == itemId && message.IsFrom(bot))
            {
                posted.TryAdd(message.Marker.Part, message.Ts);
            }
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check {Channel} for earlier parts of a post ({Method}: {Status} {Error}); posting anyway")]
    private partial void LogLookupFailed(string channel, string method, SlackApiStatus status, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack post to {Channel} failed at {Method}: {Status} {Error}")]
    private partial void LogDeliveryFailed(string channel, string method, SlackApiStatus status, string? error);
}
