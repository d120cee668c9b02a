using ScribeBot.Slack.Blocks;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>The <c>chat.*</c> methods. Posts are sent once: the outbox retries them, and a retry here could post twice.</summary>
internal sealed class ChatApi(SlackApiTransport transport)
{
    /// <summary><c>chat.postMessage</c>; the new message's <c>ts</c>.</summary>
    public Task<SlackApiResult<string>> PostMessageAsync(
        string channel, SlackMessagePayload payload, string? threadTs, CancellationToken cancellationToken) =>
        PostMessageAsync(channel, payload, threadTs, marker: null, cancellationToken);

    /// <summary><c>chat.postMessage</c> carrying <paramref name="marker"/> as message metadata; the new message's <c>ts</c>.</summary>
    public Task<SlackApiResult<string>> PostMessageAsync(
        string channel, SlackMessagePayload payload, string? threadTs, SlackPostMarker? marker, CancellationToken cancellationToken)
    {
        var body = payload.ToJsonObject();
        body["channel"] = channel;
        if (!string.IsNullOrEmpty(threadTs))
        {
            body["thread_ts"] = threadTs;
        }

        if (marker is not null)
        {
            body["metadata"] = marker.ToMetadata();
        }

        return transport.CallAsync("chat.postMessage", () => SlackApiRequest.PostJson("chat.postMessage", body), SlackApiRetry.Never,
            root => root.String("ts"), cancellationToken);
    }

    /// <summary><c>chat.postEphemeral</c>: visible to <paramref name="user"/> only; the <c>message_ts</c>.</summary>
    public Task<SlackApiResult<string>> PostEphemeralAsync(
        string channel, string user, SlackMessagePayload payload, CancellationToken cancellationToken)
    {
        var body = payload.ToJsonObject();
        body["channel"] = channel;
        body["user"] = user;
        return transport.CallAsync("chat.postEphemeral", () => SlackApiRequest.PostJson("chat.postEphemeral", body), SlackApiRetry.Never,
            root => root.String("message_ts"), cancellationToken);
    }

    /// <summary><c>chat.getPermalink</c>.</summary>
    public Task<SlackApiResult<string>> GetPermalinkAsync(string channel, string messageTs, CancellationToken cancellationToken) =>
        transport.CallAsync("chat.getPermalink", () => SlackApiRequest.Get("chat.getPermalink", ("channel", channel), ("message_ts", messageTs)),
            SlackApiRetry.Reads, root => root.String("permalink"), cancellationToken);
}
