using System.Text.Json;
using System.Text.Json.Nodes;
using ScribeBot.Slack.Events;

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
    public static SlackPostMarker? FromMessage(JsonElement message) =>
        message.Object("metadata") is { } metadata && metadata.String("event_type") == EventType
        && metadata.Object("event_payload") is { } payload
        && payload.String("outbox_id") is { } id && payload.Int("part") is { } part
            ? new SlackPostMarker(id, part)
            : null;
}
