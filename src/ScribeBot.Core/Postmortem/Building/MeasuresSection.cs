using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Core.Text;

namespace ScribeBot.Core.Postmortem.Building;

/// <summary>Corrective and Preventative Measures: the broad improvements, then the specific tasks as a checklist.</summary>
internal static class MeasuresSection
{
    public static PostmortemSection Build(Incident incident)
    {
        var blocks = new List<PostmortemBlock> { new SubheadingBlock("Broad improvements") };
        blocks.Add(incident.Improvements.Count > 0
            ? new BulletListBlock(incident.Improvements.Select(ChatText.Of).ToList())
            : new ParagraphBlock(new ChatTextBuilder().Placeholder(Placeholders.Improvements).Build()));

        blocks.Add(new SubheadingBlock("Tasks"));
        if (incident.Tasks.Count == 0)
        {
            blocks.Add(new ParagraphBlock(new ChatTextBuilder().Placeholder(Placeholders.Tasks).Build()));
        }
        else
        {
            var tasks = incident.Tasks.Select(Line).ToList();
            blocks.Add(new BulletListBlock(tasks, Checkboxes: true));
        }

        return new PostmortemSection(PostmortemHeadings.Measures, blocks);
    }

    // A task with a tracker issue links it, with its state (read live by FollowupStates.ShowAsync where the draft is
    // rendered, else as stored), so the draft shows where the work lives and whether it is done.
    private static ChatText Line(IncidentTask task)
    {
        var line = new ChatTextBuilder().Plain(task.Text).Plain(" (owner: ").Fact(task.Owner, Placeholders.Owner).Plain(")");
        if (task.Followup is { } issue)
        {
            line.Plain(" - ").Link(issue.IssueKey, issue.Url).Plain($" ({issue.StateText})");
        }

        return line.Build();
    }
}
