using System.Text.Json.Nodes;
using ScribeBot.Core.Text;
using ScribeBot.Slack.Text;

namespace ScribeBot.Slack.Blocks;

/// <summary>
/// An announcement or reply: the text fallback and one section per group of lines (<see cref="ChatTextLayout"/>), its
/// lines as mrkdwn lines, so <c>help</c>'s groups and <c>status</c>'s facts are set apart as Slack sets apart blocks
/// (more sections only if a group is over 3,000 characters).
/// </summary>
internal static class AnnouncementBlocks
{
    public static SlackMessagePayload Render(ChatText text)
    {
        var groups = ChatTextLayout.Groups(text);
        var chunks = groups.Count > 1
            ? groups.SelectMany(group => SlackMrkdwn.RenderChunks(Lines(group), SlackLimits.MaxSectionText)).ToList()
            : SlackMrkdwn.RenderChunks(text, SlackLimits.MaxSectionText);
        // The core caps free text at 3,000 characters, so this never cuts a real announcement; it keeps a pathological
        // one postable instead of failing the post (and the outbox retrying it forever).
        var blocks = new List<JsonObject>();
        var total = 0;
        foreach (var chunk in chunks)
        {
            if (blocks.Count == SlackLimits.MaxBlocks - 1 || total + chunk.Length > SlackLimits.MaxMessageText)
            {
                blocks.Add(BlockKit.Section("… _(cut: too long for one message)_"));
                break;
            }

            blocks.Add(BlockKit.Section(chunk));
            total += chunk.Length;
        }

        var fallback = SlackMrkdwn.RenderChunks(text, SlackLimits.MaxFallbackText - 1) is [var first, ..] chunksOfFallback
            ? chunksOfFallback.Count > 1 ? first + "…" : first
            : " ";
        return new SlackMessagePayload(fallback, blocks);
    }

    private static ChatText Lines(IReadOnlyList<ChatText> group) =>
        group.Skip(1).Aggregate(group[0], (lines, line) => lines + ChatText.Of("\n") + line);
}
