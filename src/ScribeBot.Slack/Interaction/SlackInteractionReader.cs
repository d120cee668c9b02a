using System.Text;
using System.Text.Json;
using ScribeBot.Core.Channels;
using ScribeBot.Slack.Events;
using ScribeBot.Slack.Text;

namespace ScribeBot.Slack.Interaction;

/// <summary>
/// Reads interactivity: the form Slack posts with one <c>payload</c> field of JSON, or a Socket Mode
/// <c>interactive</c> payload. We use message shortcuts (<c>message_action</c>) and modal submissions
/// (<c>view_submission</c>); other interactions are ignored.
/// </summary>
internal sealed class SlackInteractionReader(SlackMessageConverter messages)
{
    public SlackInbound ReadForm(ReadOnlySpan<byte> body, IReadOnlyDictionary<string, string>? userNames = null)
    {
        if (FormBody.Parse(body) is not { } form || !form.TryGetValue("payload", out var payload) || payload.Length == 0)
        {
            return new SlackMalformed("interactivity form without payload");
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(payload), JsonFields.Options);
            return ReadJson(document.RootElement, userNames);
        }
        catch (JsonException exception)
        {
            return new SlackMalformed("payload is not JSON: " + exception.Message);
        }
    }

    public SlackInbound ReadJson(JsonElement payload, IReadOnlyDictionary<string, string>? userNames = null)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new SlackMalformed("payload is not a JSON object");
        }

        return payload.String("type") switch
        {
            "message_action" => ReadMessageShortcut(payload, userNames),
            "view_submission" => ReadViewSubmission(payload, userNames),
            null => new SlackMalformed("payload.type missing"),
            var other => new SlackIgnored($"interaction {other}"),
        };
    }

    private SlackInbound ReadMessageShortcut(JsonElement payload, IReadOnlyDictionary<string, string>? userNames)
    {
        var callbackId = payload.Text("callback_id");
        var triggerId = payload.Text("trigger_id");
        var user = UserOf(payload, userNames);
        var teamId = TeamOf(payload);
        var channelId = payload.Object("channel")?.Text("id");
        if (callbackId is null || triggerId is null || user is null || teamId is null || channelId is null)
        {
            return new SlackMalformed("message_action without callback_id, trigger_id, user, team or channel");
        }

        if (payload.Object("message") is not { } message)
        {
            return new SlackMalformed("message_action without message");
        }

        var channel = new ChannelRef(ChatPlatform.Slack, teamId, channelId);
        var original = messages.TryConvert(message, channel, userNames, out var error);
        if (original is null)
        {
            return new SlackMalformed(error!);
        }

        return new SlackMessageShortcut(
            callbackId, triggerId, channel, payload.Text("message_ts") ?? original.MessageId, user, original, payload.Text("response_url"));
    }

    private static SlackInbound ReadViewSubmission(JsonElement payload, IReadOnlyDictionary<string, string>? userNames)
    {
        var user = UserOf(payload, userNames);
        var teamId = TeamOf(payload);
        if (payload.Object("view") is not { } view || user is null || teamId is null)
        {
            return new SlackMalformed("view_submission without view, user or team");
        }

        var callbackId = view.String("callback_id");
        var viewId = view.Text("id");
        if (callbackId is null || viewId is null)
        {
            return new SlackMalformed("view_submission without view.callback_id or view.id");
        }

        var values = new List<SlackStateValue>();
        if (view.Object("state")?.Object("values") is { } blocks)
        {
            foreach (var block in blocks.EnumerateObject())
            {
                if (block.Value.ValueKind != JsonValueKind.Object)
                {
                    return new SlackMalformed($"view state block {JsonFields.Name(block)} is not an object");
                }

                foreach (var action in block.Value.EnumerateObject())
                {
                    if (action.Value.ValueKind != JsonValueKind.Object)
                    {
                        return new SlackMalformed($"view state action {JsonFields.Name(block)}/{JsonFields.Name(action)} is not an object");
                    }

                    values.Add(new SlackStateValue(JsonFields.Name(block), JsonFields.Name(action), action.Value.String("type") ?? "", ValuesOf(action.Value)));
                }
            }
        }

        return new SlackViewSubmission(callbackId, viewId, teamId, view.String("private_metadata") ?? "", values, user, payload.Text("trigger_id"));
    }

    // Each input type keeps its answer under its own name; multi-selects keep a list.
    private static List<string> ValuesOf(JsonElement action)
    {
        var found = new List<string>();
        foreach (var name in (string[])["value", "selected_date", "selected_time", "selected_date_time", "selected_user",
                     "selected_channel", "selected_conversation"])
        {
            if (action.Text(name) is { } single)
            {
                found.Add(single);
            }
        }

        if (action.Object("selected_option")?.Text("value") is { } option)
        {
            found.Add(option);
        }

        foreach (var list in (string[])["selected_options", "selected_users", "selected_channels", "selected_conversations"])
        {
            if (action.Array(list) is not { } items)
            {
                continue;
            }

            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    found.Add(JsonFields.Decode(item));
                }
                else if (item.Text("value") is { } value)
                {
                    found.Add(value);
                }
            }
        }

        return found;
    }

    private static Person? UserOf(JsonElement payload, IReadOnlyDictionary<string, string>? userNames)
    {
        if (payload.Object("user") is not { } user || user.Text("id") is not { } id)
        {
            return null;
        }

        var name = userNames is not null && userNames.TryGetValue(id, out var known) ? known : id;
        return new Person(id, name);
    }

    // An org-wide install sends "team": null; the user's own workspace is then the one that matters.
    private static string? TeamOf(JsonElement payload) =>
        payload.Object("team")?.Text("id") ?? payload.Object("user")?.Text("team_id");
}
