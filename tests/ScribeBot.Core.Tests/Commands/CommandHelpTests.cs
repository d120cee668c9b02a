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
}
