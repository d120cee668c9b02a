using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScribeBot.Bench.Shared;

/// <summary>
/// Bodies as Slack posts them to <c>POST /slack/events</c>: Events API callbacks (a channel message, a reaction) as
/// JSON and the <c>/incident</c> slash command as a form. Sign them with <see cref="SlackRequestSigner"/>.
/// </summary>
public static class SlackPayloads
{
    public const string ContentTypeJson = "application/json";
    public const string ContentTypeForm = "application/x-www-form-urlencoded";

    /// <summary>A <c>message</c> event by <paramref name="user"/>; <paramref name="ts"/> is both its id and its instant.</summary>
    public static byte[] Message(string teamId, string channel, string user, string text, string ts, string eventId, long eventTime) =>
        Encoding.UTF8.GetBytes(
            $"{{\"token\":\"bench\",\"team_id\":\"{teamId}\",\"api_app_id\":\"A0BENCH\",\"event\":{{\"type\":\"message\"," +
            $"\"channel\":\"{channel}\",\"user\":\"{user}\",\"text\":\"{Json(text)}\"," +
            $"\"ts\":\"{ts}\",\"event_ts\":\"{ts}\",\"channel_type\":\"channel\"}},\"type\":\"event_callback\"," +
            $"\"event_id\":\"{eventId}\",\"event_time\":{eventTime}}}");

    /// <summary>A <c>reaction_added</c> event: <paramref name="user"/> put <paramref name="reaction"/> on message <paramref name="messageTs"/>.</summary>
    public static byte[] ReactionAdded(
        string teamId, string channel, string user, string reaction, string messageTs, string eventTs, string eventId, long eventTime) =>
        Encoding.UTF8.GetBytes(
            $"{{\"token\":\"bench\",\"team_id\":\"{teamId}\",\"api_app_id\":\"A0BENCH\",\"event\":{{\"type\":\"reaction_added\"," +
            $"\"user\":\"{user}\",\"reaction\":\"{reaction}\",\"item\":{{\"type\":\"message\",\"channel\":\"{channel}\",\"ts\":\"{messageTs}\"}}," +
            $"\"event_ts\":\"{eventTs}\"}},\"type\":\"event_callback\",\"event_id\":\"{eventId}\",\"event_time\":{eventTime}}}");

    /// <summary>The <c>/incident</c> slash command with <paramref name="text"/> after it, as Slack posts it (form-encoded).</summary>
    public static byte[] SlashCommand(string teamId, string channel, string user, string text, string triggerId) =>
        Encoding.UTF8.GetBytes(
            $"token=bench&team_id={teamId}&team_domain=bench&channel_id={channel}&channel_name=bench&user_id={user}" +
            $"&user_name=bench&command=%2Fincident&text={Uri.EscapeDataString(text)}" +
            $"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1%2F2&trigger_id={triggerId}&api_app_id=A0BENCH");

    // Only what JSON requires is escaped, so plain text goes out byte for byte.
    private static string Json(string text) => JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
}
