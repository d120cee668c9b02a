using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>The <c>conversations.*</c> methods.</summary>
internal sealed class ConversationsApi(SlackApiTransport transport)
{
    /// <summary>Pages of 200: 50 of them reach 10,000 messages back, far more than a channel sees during a retry.</summary>
    internal const int MaxMarkerPages = 50;

    /// <summary><c>conversations.info</c>.</summary>
    public Task<SlackApiResult<SlackConversationInfo>> GetInfoAsync(string channel, CancellationToken cancellationToken) =>
        transport.CallAsync("conversations.info", () => SlackApiRequest.Get("conversations.info", ("channel", channel)), SlackApiRetry.Reads,
            root => root.Object("channel") is { } c
                ? new SlackConversationInfo(
                    c.String("id") ?? channel,
                    c.String("name") ?? "",
                    c.IsTrue("is_private"),
                    c.IsTrue("is_member"))
                : null,
            cancellationToken);

    /// <summary><c>conversations.join</c> (public channels only); the channel id.</summary>
    public Task<SlackApiResult<string>> JoinAsync(string channel, CancellationToken cancellationToken) =>
        transport.CallAsync("conversations.join", () => SlackApiRequest.PostJson("conversations.join", new JsonObject { ["channel"] = channel }),
            SlackApiRetry.Never,
            root => root.Object("channel") is { } c ? c.String("id") ?? channel : channel,
            cancellationToken);

    /// <summary>
    /// The marked messages in <paramref name="channel"/> since <paramref name="oldest"/> (<c>conversations.history</c>),
    /// or, with <paramref name="threadTs"/>, in that thread (<c>conversations.replies</c>), with who posted each, and the
    /// files its messages share. Pages
    /// through the whole window (Slack stops at <c>oldest</c>), not only its newest page: a busy channel can hold more
    /// than a page between a post and its retry. At most <see cref="MaxMarkerPages"/> pages; more is answered as
    /// <c>too_many_messages</c>. A rate limit comes back at once rather than being waited out here: the caller is an
    /// outbox delivery, which stores the Retry-After with the item, so it holds across a restart too.
    /// </summary>
    public async Task<SlackApiResult<SlackBotTraces>> FindMarkedPostsAsync(
        string channel, string? threadTs, DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        var since = (oldest.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000000", CultureInfo.InvariantCulture);
        var method = threadTs is null ? "conversations.history" : "conversations.replies";
        var found = new List<SlackMarkedPost>();
        var files = new List<SlackSharedFile>();
        string? cursor = null;
        for (var page = 0; page < MaxMarkerPages; page++)
        {
            List<(string, string)> query = threadTs is null
                ? [("channel", channel), ("oldest", since), ("include_all_metadata", "true"), ("limit", "200")]
                : [("channel", channel), ("ts", threadTs), ("include_all_metadata", "true"), ("limit", "200")];
            if (cursor is not null)
            {
                query.Add(("cursor", cursor));
            }

            var result = await transport.CallAsync(method, () => SlackApiRequest.Get(method, [.. query]), SlackApiRetry.ReadsButNotRateLimits,
                ReadMarkerPage, cancellationToken).ConfigureAwait(false);
            if (!result.IsOk)
            {
                return result.Failure<SlackBotTraces>();
            }

            found.AddRange(result.Value!.Found);
            files.AddRange(result.Value.Files);
            if (result.Value.NextCursor is not { Length: > 0 } next)
            {
                return SlackApiResult.Ok(new SlackBotTraces(found, files));
            }

            cursor = next;
        }

        return SlackApiResult.Error<SlackBotTraces>("too_many_messages");
    }

    private sealed record MarkerPage(IReadOnlyList<SlackMarkedPost> Found, IReadOnlyList<SlackSharedFile> Files, string? NextCursor);

    private static MarkerPage ReadMarkerPage(JsonElement root)
    {
        var found = new List<SlackMarkedPost>();
        var files = new List<SlackSharedFile>();
        if (root.Array("messages") is { } messages)
        {
            foreach (var message in messages.EnumerateArray())
            {
                if (message.String("ts") is not { } ts)
                {
                    continue;
                }

                if (SlackPostMarker.FromMessage(message) is { } marker)
                {
                    found.Add(new SlackMarkedPost(ts, marker, message.String("bot_id"), message.String("user")));
                }

                if (message.Array("files") is { } shared)
                {
                    foreach (var file in shared.EnumerateArray())
                    {
                        if (file.String("name") is { } name)
                        {
                            files.Add(new SlackSharedFile(ts, name, message.String("bot_id"), message.String("user")));
                        }
                    }
                }
            }
        }

        var next = root.Object("response_metadata")?.String("next_cursor");
        return new MarkerPage(found, files, root.IsTrue("has_more") || !string.IsNullOrEmpty(next) ? next : null);
    }
}
