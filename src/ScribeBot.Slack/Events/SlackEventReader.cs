using System.Text.Json;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;

namespace ScribeBot.Slack.Events;

/// <summary>
/// Reads Events API JSON (the HTTP body, or a Socket Mode <c>events_api</c> envelope's payload): <c>url_verification</c>
/// and the <c>event_callback</c>s the core cares about, i.e. channel messages, edits, deletes and reactions.
/// </summary>
internal sealed class SlackEventReader(SlackMessageConverter messages)
{
    // Subtypes that are something a person or an integration said. Everything else (channel_join, channel_topic,
    // pinned_item, message_replied...) is housekeeping that Slack announces as a message.
    private static readonly HashSet<string> SpokenSubtypes = ["thread_broadcast", "file_share", "bot_message", "me_message"];

    public SlackInbound Read(ReadOnlySpan<byte> body, SlackRetry? retry, IReadOnlyDictionary<string, string>? userNames = null)
    {
        try
        {
            using var document = JsonDocument.Parse(body.ToArray(), JsonFields.Options);
            return Read(document.RootElement, retry, userNames);
        }
        catch (JsonException exception)
        {
            return new SlackMalformed("body is not JSON: " + exception.Message);
        }
    }

    public SlackInbound Read(JsonElement root, SlackRetry? retry, IReadOnlyDictionary<string, string>? userNames = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new SlackMalformed("body is not a JSON object");
        }

        switch (root.String("type"))
        {
            case "url_verification":
                return root.Text("challenge") is { } challenge
                    ? new SlackUrlVerification(challenge)
                    : new SlackMalformed("url_verification without challenge");
            case "event_callback":
                return ReadCallback(root, retry, userNames);
            case null:
                return new SlackMalformed("type missing");
            case var other:
                return new SlackIgnored($"request type {other}");
        }
    }

    private SlackInbound ReadCallback(JsonElement root, SlackRetry? retry, IReadOnlyDictionary<string, string>? userNames)
    {
        var eventId = root.Text("event_id");
        var teamId = root.Text("team_id");
        if (eventId is null || teamId is null)
        {
            return new SlackMalformed("event_callback without event_id or team_id");
        }

        if (root.Object("event") is not { } inner)
        {
            return new SlackMalformed("event_callback without an event object");
        }

        SlackInbound Callback(SlackChatEvent chatEvent, string? slackText = null) =>
            new SlackEventCallback(eventId, teamId, retry, chatEvent, slackText);

        switch (inner.String("type"))
        {
            case "message":
                return ReadMessage(inner, teamId, root.Text("api_app_id"), userNames, Callback);
            case "reaction_added" or "reaction_removed":
                return ReadReaction(inner, teamId, userNames, Callback);
            case "member_joined_channel":
                return ReadJoin(inner, teamId, userNames, Callback);
            case null:
                return new SlackMalformed("event.type missing");
            case var other:
                return new SlackIgnored($"event type {other}");
        }
    }

    private SlackInbound ReadMessage(
        JsonElement inner,
        string teamId,
        string? ownAppId,
        IReadOnlyDictionary<string, string>? userNames,
        Func<SlackChatEvent, string?, SlackInbound> callback)
    {
        if (inner.HasNonString("subtype"))
        {
            return new SlackMalformed("event.subtype is not a string");
        }

        var subtype = inner.Text("subtype");
        if (subtype is not null && subtype is not ("message_changed" or "message_deleted") && !SpokenSubtypes.Contains(subtype))
        {
            return new SlackIgnored($"message subtype {subtype}");
        }

        if (inner.Text("channel") is not { } channelId)
        {
            return new SlackMalformed("message event without channel");
        }

        var channel = new ChannelRef(ChatPlatform.Slack, teamId, channelId);
        switch (subtype)
        {
            case "message_changed":
                return ReadEdit(inner, channel, userNames, callback);
            case "message_deleted":
            {
                var deletedTs = inner.Text("deleted_ts");
                if (deletedTs is null || !SlackTimestamp.TryParse(deletedTs, out _))
                {
                    return new SlackMalformed("message_deleted without a valid deleted_ts");
                }

                return SlackTimestamp.TryParse(inner.String("ts"), out var deletedAt)
                    ? callback(new SlackMessageDeleted(new MessageDeletion(channel, deletedTs, deletedAt.Value)), null)
                    : new SlackMalformed("message_deleted without a valid ts");
            }

            default:
                var message = messages.TryConvert(inner, channel, userNames, out var error, ownAppId);
                return message is null
                    ? new SlackMalformed(error!)
                    : callback(new SlackMessagePosted(message), inner.String("text"));
        }
    }

    private static SlackInbound ReadEdit(
        JsonElement inner, ChannelRef channel, IReadOnlyDictionary<string, string>? userNames, Func<SlackChatEvent, string?, SlackInbound> callback)
    {
        if (inner.Object("message") is not { } edited)
        {
            return new SlackMalformed("message_changed without message");
        }

        var ts = edited.Text("ts");
        if (ts is null || !SlackTimestamp.TryParse(ts, out _) || edited.HasNonString("text"))
        {
            return new SlackMalformed("message_changed with a broken message");
        }

        // The edit's own time when Slack says it; an unfurl or other change by Slack has none, so the event's ts.
        var editedAt = edited.Object("edited")?.String("ts") is { } editTs && SlackTimestamp.TryParse(editTs, out var at) ? at
            : SlackTimestamp.TryParse(inner.String("ts"), out var eventAt) ? eventAt
            : null;
        if (editedAt is null)
        {
            return new SlackMalformed("message_changed without a valid ts");
        }

        var text = SlackMessageConverter.TextOf(edited, userNames);
        return callback(new SlackMessageEdited(new MessageEdit(channel, ts, text, editedAt.Value)), edited.String("text"));
    }

    // The bot's own join (conversations.join when /incident is used in a public channel) needs no pointer.
    private SlackInbound ReadJoin(
        JsonElement inner, string teamId, IReadOnlyDictionary<string, string>? userNames, Func<SlackChatEvent, string?, SlackInbound> callback)
    {
        var user = inner.Text("user");
        var channelId = inner.Text("channel");
        if (user is null || channelId is null)
        {
            return new SlackMalformed("member_joined_channel without user or channel");
        }

        if (messages.IsBotUser(user))
        {
            return new SlackIgnored("the bot joined a channel");
        }

        var person = new Person(user, userNames is not null && userNames.TryGetValue(user, out var name) ? name : user);
        return callback(new SlackMemberJoined(new ChannelRef(ChatPlatform.Slack, teamId, channelId), person), null);
    }

    private static SlackInbound ReadReaction(
        JsonElement inner, string teamId, IReadOnlyDictionary<string, string>? userNames, Func<SlackChatEvent, string?, SlackInbound> callback)
    {
        if (inner.Object("item") is not { } item)
        {
            return new SlackMalformed("reaction event without item");
        }

        if (item.String("type") != "message")
        {
            return new SlackIgnored($"reaction on a {item.String("type") ?? "unknown item"}");
        }

        var user = inner.Text("user");
        var reaction = inner.Text("reaction");
        var channelId = item.Text("channel");
        var ts = item.Text("ts");
        if (user is null || reaction is null || channelId is null || ts is null || !SlackTimestamp.TryParse(ts, out _))
        {
            return new SlackMalformed("reaction event without user, reaction, item.channel or a valid item.ts");
        }

        var person = new Person(user, userNames is not null && userNames.TryGetValue(user, out var name) ? name : user);
        var change = new ReactionChange(
            new ChannelRef(ChatPlatform.Slack, teamId, channelId), ts, reaction, person, inner.String("type") == "reaction_added");
        return callback(new SlackReactionChanged(change), null);
    }
}
