using Microsoft.Extensions.Logging;
using ScribeBot.Core.Outbox;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack.Posting;

internal sealed partial class SlackChannelPoster
{
    /// <summary>
    /// Which parts of <paramref name="item"/> the bot already posted (an answer lost in a timeout, a later part that
    /// failed, a crash before the delivery was recorded), and, in the first part's thread, which files it already
    /// shared there. If a read is rate limited, the item is retried later rather than posted blind.
    /// </summary>
    private async Task<(SlackEarlierPosts Found, DeliveryResult? Failure)> FindEarlierAsync(
        SlackWebApiClient client, OutboxItem item, SlackDeliveryRecord record, CancellationToken cancellationToken)
    {
        var channel = item.Channel.Channel;
        var found = new SlackEarlierPosts();
        var bot = await account.GetAsync(cancellationToken).ConfigureAwait(false);
        if (bot.Status == SlackApiStatus.RateLimited)
        {
            return (found, await FailureAsync(client, channel, bot, "auth.test", cancellationToken).ConfigureAwait(false));
        }

        var since = item.EnqueuedAt - ClockTolerance;
        var top = bot.IsOk
            ? await client.Conversations.FindMarkedPostsAsync(channel, threadTs: null, since, cancellationToken).ConfigureAwait(false)
            : bot.Failure<SlackBotTraces>();
        if (top.Status == SlackApiStatus.RateLimited)
        {
            return (found, await FailureAsync(client, channel, top, "conversations.history", cancellationToken).ConfigureAwait(false));
        }

        AddTraces(found, top, bot.Value, item.Id, channel, bot.IsOk ? "conversations.history" : "auth.test", inThread: false);
        if (record.HasThread && found.Parts.TryGetValue(0, out var parentTs))
        {
            var replies = await client.Conversations.FindMarkedPostsAsync(channel, parentTs, since, cancellationToken).ConfigureAwait(false);
            if (replies.Status == SlackApiStatus.RateLimited)
            {
                return (found, await FailureAsync(client, channel, replies, "conversations.replies", cancellationToken).ConfigureAwait(false));
            }

            AddTraces(found, replies, bot.Value, item.Id, channel, "conversations.replies", inThread: true);
        }

        return (found, null);
    }

    // A lookup that fails for any reason but a rate limit (a missing scope, an API the workspace refuses, Slack down)
    // does not hold the post back: posting twice is better than never posting, and if Slack is down the post fails
    // and is retried anyway.
    private void AddTraces(
        SlackEarlierPosts found, SlackApiResult<SlackBotTraces> traces, SlackAuthInfo? bot, string itemId, string channel, string method, bool inThread)
    {
        if (!traces.IsOk || bot is null)
        {
            LogLookupFailed(channel, method, traces.Status, traces.Error);
            return;
        }

        foreach (var message in traces.Value.Marked)
        {
            if (message.Marker.OutboxId == itemId && message.IsFrom(bot))
            {
                found.AddPart(message.Marker.Part, message.Ts);
            }
        }

        // Only the item's own thread says which of its files went out: the same name elsewhere is another draft's.
        foreach (var file in inThread ? traces.Value.Files : [])
        {
            if (file.IsFrom(bot))
            {
                found.AddFile(file.Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check {Channel} for earlier parts of a post ({Method}: {Status} {Error}); posting anyway")]
    private partial void LogLookupFailed(string channel, string method, SlackApiStatus status, string? error);
}
