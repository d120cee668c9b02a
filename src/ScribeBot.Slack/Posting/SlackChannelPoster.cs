using System.Text;
using Microsoft.Extensions.Logging;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Postmortem;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Blocks;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Posting;

/// <summary>
/// Delivers the outbox's Slack posts. Timelines and drafts are rendered at delivery from the store, so a post
/// retried after an outage shows the incident as it is then. A draft is its first message in the channel, the
/// continuations in that message's thread, and the full Markdown (with the transcript) uploaded in the same thread.
/// </summary>
internal sealed partial class SlackChannelPoster(
    Func<SlackWebApiClient> slack,
    IIncidentStore store,
    PostmortemBuilder builder,
    IEnumerable<IPeopleDirectory> people,
    bool hasBotToken,
    TimeProvider time,
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
    /// A first attempt older than this may follow a crash that lost the record of an earlier delivery, so it looks
    /// for its parts in the channel first, as every retry does; a fresh post skips that read.
    /// </summary>
    internal static readonly TimeSpan FreshPost = TimeSpan.FromSeconds(5);

    public bool IsConfigured => hasBotToken;

    public async Task<DeliveryResult> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var client = slack();
        var channel = item.Channel.Channel;
        switch (item.Post)
        {
            case AnnouncementPost announcement:
                return await PostAllAsync(client, item, [AnnouncementBlocks.Render(announcement.Text)], cancellationToken).ConfigureAwait(false);

            case TimelinePost timeline when await LoadAsync(timeline.IncidentId, cancellationToken).ConfigureAwait(false) is { } found:
                var section = builder.BuildTimeline(found.Incident, found.Entries);
                var title = $"{found.Incident.DisplayId}: {found.Incident.Title} - timeline so far";
                var meta = ChatText.Of(PostmortemBuilder.TimelineStatusLine(found.Incident));
                return await PostAllAsync(client, item, PostmortemBlocks.RenderSection(title, meta, section), cancellationToken).ConfigureAwait(false);

            case PostmortemPost postmortem when await LoadAsync(postmortem.IncidentId, cancellationToken).ConfigureAwait(false) is { } found:
                return await PostDraftAsync(client, item, found.Incident, builder.Build(found.Incident, found.Entries), cancellationToken).ConfigureAwait(false);

            default:
                return DeliveryResult.Permanent($"nothing to post: {item.Post.GetType().Name} for an incident that does not exist");
        }
    }

    private async Task<DeliveryResult> PostDraftAsync(
        SlackWebApiClient client, OutboxItem item, Incident incident, PostmortemDocument document, CancellationToken cancellationToken)
    {
        var channel = item.Channel.Channel;
        var posted = await PostThreadAsync(client, item, PostmortemBlocks.Render(document), cancellationToken).ConfigureAwait(false);
        if (posted.Failure is { } failure)
        {
            return failure;
        }

        var markdown = Encoding.UTF8.GetBytes(PostmortemMarkdown.Render(document));
        var upload = await client.UploadFileAsync(
            channel,
            posted.ParentTs,
            $"{incident.DisplayId}-postmortem.md",
            $"{incident.DisplayId} postmortem draft",
            markdown,
            initialComment: null,
            cancellationToken).ConfigureAwait(false);
        return upload.IsOk
            ? DeliveryResult.Delivered
            : await FailureAsync(client, channel, upload, "files.upload", cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeliveryResult> PostAllAsync(
        SlackWebApiClient client, OutboxItem item, IReadOnlyList<SlackMessagePayload> payloads, CancellationToken cancellationToken) =>
        (await PostThreadAsync(client, item, payloads, cancellationToken).ConfigureAwait(false)).Failure ?? DeliveryResult.Delivered;

    /// <summary>
    /// The first payload in the channel, the rest as replies in its thread, each marked with the item's id and its part.
    /// A retry first reads which parts already reached Slack (an answer lost in a timeout, a later part that failed, a
    /// crash before the delivery was recorded) and posts only the others; if that read fails, it retries later rather
    /// than post blind.
    /// </summary>
    private async Task<(string? ParentTs, DeliveryResult? Failure)> PostThreadAsync(
        SlackWebApiClient client, OutboxItem item, IReadOnlyList<SlackMessagePayload> payloads, CancellationToken cancellationToken)
    {
        var channel = item.Channel.Channel;
        var posted = new Dictionary<int, string>();
        if (item.Attempts > 0 || time.GetUtcNow() - item.EnqueuedAt > FreshPost)
        {
            var top = await client.FindMarkedPostsAsync(channel, threadTs: null, item.EnqueuedAt, cancellationToken).ConfigureAwait(false);
            if (top.Status == SlackApiStatus.RateLimited)
            {
                return (null, await FailureAsync(client, channel, top, "conversations.history", cancellationToken).ConfigureAwait(false));
            }

            AddParts(posted, top, item.Id, channel, "conversations.history");
            if (payloads.Count > 1 && posted.TryGetValue(0, out var parentTs))
            {
                var replies = await client.FindMarkedPostsAsync(channel, parentTs, item.EnqueuedAt, cancellationToken).ConfigureAwait(false);
                if (replies.Status == SlackApiStatus.RateLimited)
                {
                    return (parentTs, await FailureAsync(client, channel, replies, "conversations.replies", cancellationToken).ConfigureAwait(false));
                }

                AddParts(posted, replies, item.Id, channel, "conversations.replies");
            }
        }

        var parent = posted.GetValueOrDefault(0);
        for (var part = 0; part < payloads.Count; part++)
        {
            if (posted.ContainsKey(part))
            {
                continue;
            }

            var result = await client.PostMessageAsync(channel, payloads[part], parent, new SlackPostMarker(item.Id, part), cancellationToken).ConfigureAwait(false);
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
        Dictionary<int, string> posted, SlackApiResult<IReadOnlyList<(string Ts, SlackPostMarker Marker)>> found, string itemId, string channel, string method)
    {
        if (!found.IsOk)
        {
            LogLookupFailed(channel, method, found.Status, found.Error);
            return;
        }

        foreach (var (ts, marker) in found.Value!)
        {
            if (marker.OutboxId == itemId)
            {
                posted.TryAdd(marker.Part, ts);
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
        var joined = await client.JoinConversationAsync(channel, cancellationToken).ConfigureAwait(false);
        return DeliveryResult.Retry(
            joined.IsOk ? TimeSpan.Zero : null,
            joined.IsOk ? $"{method}: not_in_channel, joined" : $"{method}: not_in_channel; invite the bot with /invite");
    }

    private async Task<(Incident Incident, IReadOnlyList<Core.Timeline.TimelineEntry> Entries)?> LoadAsync(
        string incidentId, CancellationToken cancellationToken)
    {
        var incident = await store.GetIncidentAsync(incidentId, cancellationToken).ConfigureAwait(false);
        if (incident is null)
        {
            return null;
        }

        // People are stored with the name known when their message was acknowledged (maybe only their id, if Slack
        // was slow then); the post shows the best name known now.
        var entries = await store.GetTimelineAsync(incidentId, cancellationToken).ConfigureAwait(false);
        return await PeopleNames.ApplyAsync(people, incident, entries, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check {Channel} for earlier parts of a post ({Method}: {Status} {Error}); posting anyway")]
    private partial void LogLookupFailed(string channel, string method, SlackApiStatus status, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack post to {Channel} failed at {Method}: {Status} {Error}")]
    private partial void LogDeliveryFailed(string channel, string method, SlackApiStatus status, string? error);
}
