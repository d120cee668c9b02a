namespace ScribeBot.Core.Tests.Commands;

/// <summary>Help as groups of one command per line (issue 15, item 4).</summary>
public sealed class CommandHelpTests
{
    [Fact]
    public void Every_verb_is_in_exactly_one_help_group()
    {
        var grouped = CommandGroups.All.SelectMany(group => group.Verbs).ToList();

        Assert.Equal(CommandUsage.Verbs.Select(v => v.Verb).Order(StringComparer.Ordinal), grouped.Order(StringComparer.Ordinal));
        Assert.Equal(grouped.Count, grouped.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Help_is_a_lead_then_lifecycle_facts_tags_and_reports_each_a_title_and_one_command_per_line()
    {
        var reply = CommandHelp.Answer(null).Reply;

        var groups = ChatTextLayout.Groups(reply);

        Assert.Equal(5, groups.Count);
        Assert.StartsWith("ScribeBot records this channel", Assert.Single(groups[0]).ToPlainString(), StringComparison.Ordinal);
        Assert.Equal(CommandGroups.All.Select(g => g.Title), groups.Skip(1).Select(g => g[0].ToPlainString()));
        Assert.Equal(["Lifecycle", "Facts", "Tags", "Reports"], groups.Skip(1).Select(g => g[0].ToPlainString().Split(' ', ':')[0]));
        foreach (var (group, (_, verbs)) in groups.Skip(1).Zip(CommandGroups.All))
        {
            Assert.Equal(RunStyle.Strong, Assert.Single(group[0].Runs).Style);
            Assert.Equal(verbs.Count, group.Count - 1);
            foreach (var (line, verb) in group.Skip(1).Zip(verbs))
            {
                Assert.Equal(RunStyle.Code, line.Runs[0].Style);
                Assert.Equal($"/incident {CommandUsage.UsageOf(verb)}", line.Runs[0].Text);
                Assert.StartsWith(" - ", line.Runs[1].Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Catchup_is_a_report_next_to_status_and_help_catchup_explains_it()
    {
        Assert.Equal(["status", "catchup", "timeline", "postmortem", "stats", "help"], CommandGroups.All.Single(g => g.Title == "Reports").Verbs);

        var line = CommandHelp.Answer("catchup").Reply.ToPlainString();

        Assert.StartsWith("/incident catchup - what you missed", line, StringComparison.Ordinal);
        Assert.EndsWith("just for you", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Slack_and_Teams_help_says_react_and_the_sandboxs_help_names_its_tag_button()
    {
        static string TagsTitle(ChatPlatform platform) =>
            ChatTextLayout.Groups(CommandHelp.Answer(null, platform).Reply)[3][0].ToPlainString();

        Assert.Equal("Tags: timeline lines (or react to a message)", TagsTitle(ChatPlatform.Slack));
        Assert.Equal("Tags: timeline lines (or react to a message)", TagsTitle(ChatPlatform.Teams));
        Assert.Equal("Tags: timeline lines (or use a message's tag button)", TagsTitle(ChatPlatform.Web));
    }
}
