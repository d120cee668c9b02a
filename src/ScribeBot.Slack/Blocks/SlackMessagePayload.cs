using System.Text.Json.Nodes;

namespace ScribeBot.Slack.Blocks;

/// <summary>
/// A message for <c>chat.postMessage</c> / <c>chat.postEphemeral</c>: the <c>text</c> fallback and the blocks. The
/// Web API client adds <c>channel</c> (and <c>thread_ts</c>) and must keep <c>link_names</c> false.
/// </summary>
internal sealed class SlackMessagePayload(string text, IReadOnlyList<JsonObject> blocks)
{
    public string Text { get; } = text;

    public IReadOnlyList<JsonObject> Blocks { get; } = blocks;

    /// <summary>A fresh JSON object each call (a JsonNode has one parent), ready to add channel fields to.</summary>
    public JsonObject ToJsonObject()
    {
        var array = new JsonArray();
        foreach (var block in Blocks)
        {
            array.Add(block.DeepClone());
        }

        return new JsonObject
        {
            ["text"] = Text,
            ["blocks"] = array,

            // Never let Slack turn @here typed into a draft into a ping, nor unfurl a pasted link into a preview.
            ["link_names"] = false,
            ["unfurl_links"] = false,
            ["unfurl_media"] = false,
        };
    }

    public string ToJsonString() => ToJsonObject().ToJsonString();
}
