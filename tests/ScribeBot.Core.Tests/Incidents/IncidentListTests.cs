using ScribeBot.Core.Postmortem.Editing;
using static ScribeBot.Core.Tests.Incidents.IncidentExamples;

namespace ScribeBot.Core.Tests.Incidents;

public sealed class IncidentListTests
{
    [Fact]
    public void The_commands_and_the_dashboard_share_one_list_limit()
    {
        Assert.Equal(50, IncidentLimits.MaxListItems);
        Assert.Equal(IncidentLimits.MaxListItems, PostmortemEditor.MaxListItems);
    }

    [Fact]
    public void AddImprovement_appends_in_order()
    {
        var incident = Accepted(Accepted(Open().AddImprovement("alert on expiry")).AddImprovement("rotate certs"));

        Assert.Equal(["alert on expiry", "rotate certs"], incident.Improvements);
    }

    [Fact]
    public void The_same_improvement_twice_is_refused()
    {
        var incident = Accepted(Open().AddImprovement("alert on expiry"));

        Assert.Equal("That improvement is already on INC-1's list.", Refused(incident, incident.AddImprovement("alert on expiry")));
    }

    [Fact]
    public void An_improvement_past_the_limit_is_refused_with_the_limit_and_what_to_do()
    {
        var full = Open() with { Improvements = Numbered("measure", IncidentLimits.MaxListItems) };

        Assert.Equal(
            "INC-1 already lists 50 improvements, the limit. Merge related ones, or move specific work to the tasks.",
            Refused(full, full.AddImprovement("one more")));
        Assert.Equal(IncidentLimits.MaxListItems, Accepted((full with { Improvements = full.Improvements.Skip(1).ToArray() }).AddImprovement("one more")).Improvements.Count);
    }

    [Fact]
    public void A_full_list_still_names_a_duplicate_as_a_duplicate()
    {
        var full = Open() with { Improvements = Numbered("measure", IncidentLimits.MaxListItems) };

        Assert.Equal("That improvement is already on INC-1's list.", Refused(full, full.AddImprovement("measure 1")));
    }

    [Fact]
    public void AddTask_takes_the_same_text_with_another_owner_as_another_task()
    {
        var incident = Accepted(Accepted(Open().AddTask(new IncidentTask("renew certs", "bob"))).AddTask(new IncidentTask("renew certs", null)));

        Assert.Equal([new IncidentTask("renew certs", "bob") { Number = 1 }, new IncidentTask("renew certs", null) { Number = 2 }], incident.Tasks);
    }

    [Fact]
    public void The_same_task_and_owner_twice_is_refused()
    {
        var incident = Accepted(Open().AddTask(new IncidentTask("renew certs", "bob")));

        Assert.Equal("That task is already on INC-1's list.", Refused(incident, incident.AddTask(new IncidentTask("renew certs", "bob"))));
    }

    [Fact]
    public void A_task_past_the_limit_is_refused_with_the_limit_and_what_to_do()
    {
        var full = Open() with { Tasks = Numbered("task", IncidentLimits.MaxListItems).Select(t => new IncidentTask(t, null)).ToArray() };

        Assert.Equal(
            "INC-1 already lists 50 tasks, the limit. Group related work, or track the details in your issue tracker.",
            Refused(full, full.AddTask(new IncidentTask("one more", "bob"))));
    }

    private static string[] Numbered(string prefix, int count) => [.. Enumerable.Range(1, count).Select(i => $"{prefix} {i}")];
}
