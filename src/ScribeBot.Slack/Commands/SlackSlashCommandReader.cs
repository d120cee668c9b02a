using System.Text.Json;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Commands;
using ScribeBot.Slack.Events;
using ScribeBot.Slack.Text;

namespace ScribeBot.Slack.Commands;

/// <summary>
/// Reads a slash command: the form Slack posts over HTTP, or the same fields as a Socket Mode <c>slash_commands</c>
/// payload. The command's instant is <c>requestAt</c>: over HTTP the verified <c>X-Slack-Request-Timestamp</c>
/// (signed by Slack and fixed when it sent the request, so a command queued before processing keeps the time it
/// was typed); over Socket Mode, which carries no timestamp, the time the envelope arrived.
/// </summary>
internal static class SlackSlashCommandReader
{
    public static SlackInbound ReadForm(ReadOnlySpan<byte> body, DateTimeOffset requestAt, IReadOnlyDictionary<string, string>? userNames = null) =>
        FormBody.Parse(body) is { } form ? Read(form, requestAt, userNames) : new SlackMalformed("form body is not UTF-8");

    public static SlackInbound ReadJson(JsonElement payload, DateTimeOffset requestAt, IReadOnlyDictionary<string, string>? userNames = null)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new SlackMalformed("slash command payload is not an object");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in payload.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                fields.TryAdd(JsonFields.Name(property), JsonFields.Decode(property.Value));
            }
        }

        return Read(fields, requestAt, userNames);
    }

    private static SlackInbound Read(IReadOnlyDictionary<string, string> form, DateTimeOffset requestAt, IReadOnlyDictionary<string, string>? userNames)
    {
        string? Field(string name) => form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        var command = Field("command");
        var teamId = Field("team_id");
        var channelId = Field("channel_id");
        var userId = Field("user_id");
        var triggerId = Field("trigger_id");
        if (command is null || teamId is null || channelId is null || userId is null || triggerId is null)
        {
            return new SlackMalformed("slash command without command, team_id, channel_id, user_id or trigger_id");
        }

        var name = userNames is not null && userNames.TryGetValue(userId, out var known) ? known : Field("user_name") ?? userId;
        var request = new CommandRequest
        {
            Channel = new ChannelRef(ChatPlatform.Slack, teamId, channelId),
            Caller = new Person(userId, name),

            // User mentions stay <@U123|name>: SlackMentionSyntax reads them as one token with the person's id.
            Text = SlackTextDecoder.Decode(Field("text") ?? "", userNames, keepUserMentions: true),
            At = requestAt,
            RequestId = triggerId,
        };
        return new SlackSlashCommand(command, request, Field("response_url"), triggerId);
    }
}
