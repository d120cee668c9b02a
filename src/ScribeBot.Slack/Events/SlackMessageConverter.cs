using System.Text;
using System.Text.Json;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Chat;
using ScribeBot.Slack.Text;

namespace ScribeBot.Slack.Events;

/// <summary>
/// Turns a Slack message object (an event's, a <c>message_changed</c>'s inner message, a shortcut's message) into the
/// core's <see cref="ChatMessage"/>. Shared so that a message reads the same however it reaches us.
/// </summary>
/// <param name="botUserId">Our bot user's id (<c>U...</c>): messages from it are ScribeBot's own.</param>
/// <param name="botId">Our bot's id (<c>B...</c>), which Slack sets on messages the app posts.</param>
internal sealed class SlackMessageConverter(string? botUserId, string? botId)
{
    /// <param name="ownAppId">
    /// The receiving app's id (an event callback's <c>api_app_id</c>). Used only until <c>auth.test</c> told us our bot's
    /// ids: a message whose <c>app_id</c> is ours was posted by this app. The ids are more exact once known, since the
    /// same app installed in another workspace of a shared channel has our app id but its own bot id.
    /// </param>
    public ChatMessage? TryConvert(
        JsonElement message, ChannelRef channel, IReadOnlyDictionary<string, string>? userNames, out string? error, string? ownAppId = null)
    {
        var ts = message.String("ts");
        if (!SlackTimestamp.TryParse(ts, out var at))
        {
            error = ts is null ? "message.ts missing" : "message.ts is not a Slack timestamp";
            return null;
        }

        if (message.HasNonString("text") || message.HasNonString("user") || message.HasNonString("thread_ts"))
        {
            error = "message has a field of the wrong type";
            return null;
        }

        var user = message.Text("user");
        var bot = message.Text("bot_id");
        var author = Author(message, user, bot, userNames);
        if (author is null)
        {
            error = "message has neither user nor bot_id";
            return null;
        }

        var threadTs = message.Text("thread_ts");
        error = null;
        return new ChatMessage
        {
            Channel = channel,
            MessageId = ts!,
            ThreadId = threadTs is not null && threadTs != ts ? threadTs : null,
            At = at.Value,
            Author = author,
            Text = TextOf(message, userNames),
            IsFromSelf = (botUserId is not null && user == botUserId) || (botId is not null && bot == botId)
                || (botUserId is null && botId is null && ownAppId is not null && bot is not null && message.Text("app_id") == ownAppId),
        };
    }

    /// <summary>The message's text decoded, then its files as <c>[file: name]</c>: a screenshot with no caption is still a message.</summary>
    /// <summary>Whether <paramref name="userId"/> is our bot user, as far as <c>auth.test</c> has told us.</summary>
    public bool IsBotUser(string userId) => botUserId is not null && userId == botUserId;

    public static string TextOf(JsonElement message, IReadOnlyDictionary<string, string>? userNames)
    {
        var builder = new StringBuilder(SlackTextDecoder.Decode(message.String("text") ?? "", userNames));
        if (message.Array("files") is { } files)
        {
            foreach (var file in files.EnumerateArray())
            {
                var name = file.Text("name") ?? file.Text("title") ?? file.Text("id");
                if (name is null)
                {
                    continue;
                }

                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append("[file: ").Append(name).Append(']');
            }
        }

        return builder.ToString();
    }

    // A person is named by their user id until SlackNames knows better; a bot without a user (an integration's
    // bot_message) by the name it posts under, which users.info cannot resolve.
    private static Person? Author(JsonElement message, string? user, string? bot, IReadOnlyDictionary<string, string>? userNames)
    {
        if (user is not null)
        {
            return new Person(user, userNames is not null && userNames.TryGetValue(user, out var name) ? name : user);
        }

        if (bot is null)
        {
            return null;
        }

        var display = message.Text("username") ?? message.Object("bot_profile")?.Text("name") ?? bot;
        return new Person(bot, display);
    }
}
