using System.Text.Json.Nodes;

namespace ScribeBot.Slack.Dispatch;

/// <summary>
/// What to answer Slack for one inbound, independent of the transport: over HTTP the status and body of the response,
/// over Socket Mode the ack's <c>payload</c> (Slack carries only the body there; a refusal is logged, not answered).
/// </summary>
internal sealed record SlackAnswer(int Status, JsonObject? Body)
{
    public static SlackAnswer Ok { get; } = new(200, null);

    public static SlackAnswer BadRequest { get; } = new(400, null);

    public static SlackAnswer Json(JsonObject body) => new(200, body);
}
