using ScribeBot.Testing.Replies;

namespace ScribeBot.Slack.Tests.Blocks;

/// <summary><c>help</c> and <c>status</c> in Block Kit: a section per group, mrkdwn lines within it (issue 15, item 4).</summary>
public sealed class ReplyBlocksTests
{
    [Fact]
    public void Help_is_a_section_per_group_with_one_command_per_line()
    {
        var sections = SectionLines(AnnouncementBlocks.Render(ReplySamples.Help()));

        Assert.Equal(ReplySamples.HelpLinesPerGroup(), sections.Select(lines => lines.Length));
        Assert.Equal(["*Lifecycle*", "*Facts for the postmortem*"], sections.Skip(1).Take(2).Select(lines => lines[0]));
        Assert.All(sections.Skip(1).SelectMany(lines => lines.Skip(1)), line => Assert.Matches("^`/incident [a-z]+[^`]*` - .+$", line));
        Assert.Contains("`/incident start &lt;title&gt; [sev1-4]` - open an incident in this channel", sections[1]);
    }

    [Fact]
    public void Status_is_one_fact_per_line_and_its_hostile_text_pings_nobody()
    {
        var message = AnnouncementBlocks.Render(ReplySamples.Status());
        var sections = SectionLines(message);

        ReplySamples.AssertStatusLines(sections);
        Assert.All(sections[0].Zip(ReplySamples.StatusFactLabels), pair => Assert.StartsWith(pair.Second.Replace("*", "", StringComparison.Ordinal), pair.First.TrimStart('*'), StringComparison.Ordinal));
        var json = message.ToJsonString();
        Assert.DoesNotContain("<!channel>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", json, StringComparison.Ordinal);
        Assert.DoesNotContain("@channel", json, StringComparison.Ordinal);
    }

    private static List<string[]> SectionLines(SlackMessagePayload message) =>
        JsonNode.Parse(message.ToJsonString())!["blocks"]!.AsArray()
            .Select(block => { Assert.Equal("section", (string)block!["type"]!); return ((string)block["text"]!["text"]!).Split('\n'); })
            .ToList();
}
