using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// Which outbox item, and which part of it, a bot message is: carried as Slack message metadata, so a retry can find
/// what already reached the channel instead of posting it again.
/// </summary>
internal sealed record SlackPostMarker(string OutboxId, int Part)
{
    public const string EventType = "scribebot_post";

    public JsonObject ToMetadata() => new()
    {
        ["event_type"] = EventType,
        ["event_payload"] = new JsonObject { ["outbox_id"] = OutboxId, ["part"] = Part },
    };

    /// <summary>The marker of a message from <c>conversations.history</c>/<c>replies</c>, if it carries ours.</summary>
    public static SlackPostMarker? FromMessage(JsonElement message)
    {
        if (!message.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("event_type", out var type) || type.GetString() != EventType
            || !metadata.TryGetProperty("event_payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("outbox_id", out var id) || id.ValueKind != JsonValueKind.String
            || !payload.TryGetProperty("part", out var part) || !part.TryGetInt32(out var number))
        {
            return null;
        }

        return new SlackPostMarker(id.GetString()!, number);
    }
}
