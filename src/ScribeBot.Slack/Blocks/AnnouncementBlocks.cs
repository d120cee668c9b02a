using System.Text.Json.Nodes;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Text;

namespace ScribeBot.Slack.Blocks;

/// <summary>An announcement or reply: the text fallback and one section (more only if the text is over 3,000 characters).</summary>
internal static class AnnouncementBlocks
{
    public static SlackMessagePayload Render(ChatText text)
    {
        var chunks = SlackMrkdwn.RenderChunks(text, SlackLimits.MaxSectionText);
        var blocks = chunks.Take(SlackLimits.MaxBlocks).Select(BlockKit.Section).ToList<JsonObject>();
        var fallback = SlackMrkdwn.RenderChunks(text, SlackLimits.MaxFallbackText - 1) is [var first, ..] chunksOfFallback
            ? chunksOfFallback.Count > 1 ? first + "…" : first
            : " ";
        return new SlackMessagePayload(fallback, blocks);
    }
}
