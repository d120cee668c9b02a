using ScribeBot.Core.Followups;
using static ScribeBot.Core.Tests.Incidents.IncidentExamples;

namespace ScribeBot.Core.Tests.Incidents;

// Issue 19: a task keeps its number and its tracker issue through edits; a removed task's issue is reported, not lost.
public sealed class IncidentTaskTests
{
    private static readonly FollowupLink Issue = new("github", "octo/app#12", "https://github.com/octo/app/issues/12", FollowupState.Open, Declared);

    private static Incident WithTwoTasks() =>
        Accepted(Accepted(Open().AddTask(new IncidentTask("Add a canary", "Bo Chen"))).AddTask(new IncidentTask("Alert on p99", null)));

    [Fact]
    public void Added_tasks_are_numbered_in_order_and_numbers_are_never_reused()
    {
        var incident = WithTwoTasks();
        var replaced = incident.ReplaceTasks([incident.Tasks[1]]);
        var again = Accepted(replaced.AddTask(new IncidentTask("Add a canary", "Bo Chen")));

        Assert.Equal([1, 2], incident.Tasks.Select(t => t.Number));
        Assert.Equal([2, 3], again.Tasks.Select(t => t.Number));
    }

    [Fact]
    public void An_edited_task_keeps_its_issue_and_is_not_a_new_task()
    {
        var incident = WithTwoTasks().LinkTask(1, Issue, new IncidentTask("unused", null));

        var edited = incident.ReplaceTasks([new IncidentTask("Add a canary in every region", "Bo Chen") { Number = 1 }, incident.Tasks[1]]);

        Assert.Equal(Issue, edited.Tasks[0].Followup);
        Assert.Equal("Add a canary in every region", edited.Tasks[0].Text);
        Assert.Single(edited.UnlinkedTasks);
        Assert.Empty(edited.RemovedTasks);
    }

    [Fact]
    public void A_removed_task_with_an_issue_is_kept_aside_with_it()
    {
        var incident = WithTwoTasks().LinkTask(1, Issue, new IncidentTask("unused", null));

        var edited = incident.ReplaceTasks([incident.Tasks[1]]);

        var removed = Assert.Single(edited.RemovedTasks);
        Assert.Equal((1, Issue), (removed.Number, removed.Followup));
        Assert.Equal(1, edited.OpenFollowups);
    }

    [Fact]
    public void A_row_without_a_number_but_the_same_text_and_owner_is_the_same_task()
    {
        var incident = WithTwoTasks().LinkTask(1, Issue, new IncidentTask("unused", null));

        var edited = incident.ReplaceTasks([new IncidentTask("Add a canary", "Bo Chen"), new IncidentTask("New work", null)]);

        Assert.Equal((1, Issue), (edited.Tasks[0].Number, edited.Tasks[0].Followup));
        Assert.Equal(3, edited.Tasks[1].Number);
        Assert.Empty(edited.RemovedTasks);
    }

    [Fact]
    public void A_link_for_a_task_removed_meanwhile_is_kept_among_the_removed()
    {
        var incident = WithTwoTasks();
        var task = incident.Tasks[0];
        var removed = incident.ReplaceTasks([incident.Tasks[1]]);

        var linked = removed.LinkTask(task.Number, Issue, task);

        Assert.Equal(Issue, Assert.Single(linked.RemovedTasks).Followup);
        Assert.Same(linked, linked.LinkTask(task.Number, Issue, task));
    }

    [Fact]
    public void A_task_that_has_an_issue_keeps_it_when_linked_again()
    {
        var incident = WithTwoTasks().LinkTask(1, Issue, new IncidentTask("unused", null));
        var other = Issue with { IssueKey = "octo/app#99" };

        Assert.Equal(Issue, incident.LinkTask(1, other, incident.Tasks[0]).Tasks[0].Followup);
    }

    [Fact]
    public void Tasks_stored_before_numbers_existed_are_numbered_after_the_highest_number()
    {
        var legacy = Open() with { Tasks = [new IncidentTask("a", null), new IncidentTask("b", null) { Number = 4 }], TaskSequence = 0 };

        var numbered = legacy.NumberTasks();

        Assert.Equal([5, 4], numbered.Tasks.Select(t => t.Number));
        Assert.Equal(5, numbered.TaskSequence);
        Assert.Same(numbered, numbered.NumberTasks());
    }

    [Fact]
    public void The_marker_names_the_incident_and_the_task_and_does_not_match_a_longer_number()
    {
        var marker = FollowupMarker.For("slack:T1:12", 1);
        var body = "text\n\n" + FollowupMarker.Comment(FollowupMarker.For("slack:T1:12", 12));

        Assert.Equal("scribebot-followup:slack:T1:12#1", marker);
        Assert.False(FollowupMarker.IsIn(body, marker));
        Assert.True(FollowupMarker.IsIn(body, FollowupMarker.For("slack:T1:12", 12)));
    }
}
