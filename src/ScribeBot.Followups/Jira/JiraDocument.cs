using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using ScribeBot.Core.Followups;

namespace ScribeBot.Followups.Jira;

/// <summary>
/// The issue body in Atlassian Document Format: one paragraph per line of the Markdown the core wrote, its
/// <c>[text](url)</c> links as link marks and <c>**bold**</c> as strong; the HTML-comment marker becomes a last
/// paragraph of its own, <c>[scribebot-followup:...]</c>, since ADF has no comments.
/// </summary>
internal static partial class JiraDocument
{
    /// <summary>The marker as it stands in the description (the brackets end it, so task 1's is not found in task 12's).</summary>
    public static string MarkerText(string marker) => $"[{marker}]";

    public static JsonObject From(string markdown, string marker)
    {
        var content = new JsonArray();
        var comment = FollowupMarker.Comment(marker);
        foreach (var line in markdown.Replace(comment, string.Empty, StringComparison.Ordinal).ReplaceLineEndings("\n").Split('\n'))
        {
            var text = line.Trim();
            if (text.Length > 0)
            {
                content.Add(Paragraph(Inline(text.StartsWith("- ", StringComparison.Ordinal) ? "• " + text[2..] : text)));
            }
        }

        content.Add(Paragraph([Text(MarkerText(marker))]));
        return new JsonObject { ["type"] = "doc", ["version"] = 1, ["content"] = content };
    }

    private static JsonNode[] Inline(string text)
    {
        var nodes = new List<JsonNode>();
        var at = 0;
        foreach (Match match in Markup().Matches(text))
        {
            if (match.Index > at)
            {
                nodes.Add(Text(text[at..match.Index]));
            }

            nodes.Add(match.Groups["bold"].Success
                ? Text(match.Groups["bold"].Value, new JsonObject { ["type"] = "strong" })
                : Text(match.Groups["label"].Value, new JsonObject { ["type"] = "link", ["attrs"] = new JsonObject { ["href"] = match.Groups["url"].Value } }));
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            nodes.Add(Text(text[at..]));
        }

        return [.. nodes];
    }

    private static JsonObject Paragraph(JsonNode[] inline) => new() { ["type"] = "paragraph", ["content"] = new JsonArray(inline) };

    private static JsonObject Text(string text, JsonObject? mark = null)
    {
        var node = new JsonObject { ["type"] = "text", ["text"] = text };
        if (mark is not null)
        {
            node["marks"] = new JsonArray(mark);
        }

        return node;
    }

    [GeneratedRegex(@"\*\*(?<bold>[^*]+)\*\*|\[(?<label>[^\]]+)\]\((?<url>https?://[^)\s]+)\)")]
    private static partial Regex Markup();
}
