using ScribeBot.Core.Followups;
using static ScribeBot.Testing.Storage.Samples;

namespace ScribeBot.Testing.Storage;

// What the stats read of follow-ups: the links created since an instant, by their creation, not their incident's declaration.
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task Followup_measures_are_the_links_created_since_an_instant_whatever_their_incident_was_declared()
    {
        // Declared a month before the period; its issues were made in it, one of them for a task removed since.
        var old = await OpenAsync(Channel("C1", "T1"), T0.AddDays(-30));
        var early = Link("octo/app#1", T0.AddHours(-1));
        var inPeriod = Link("octo/app#2", T0.AddHours(1));
        var removed = Link("octo/app#3", T0.AddHours(2)) with { State = FollowupState.Closed };
        await Store.SaveIncidentAsync(
            old with
            {
                Tasks = [TaskWith(1, early), TaskWith(2, inPeriod), new IncidentTask("Not made yet", null) { Number = 4 }],
                RemovedTasks = [TaskWith(3, removed)],
                TaskSequence = 4,
            },
            [],
            [],
            None);
        var other = await OpenAsync(Channel("C2", "T2"), T0);
        var otherLink = Link("OPS-7", T0.AddHours(3)) with { Tracker = "jira" };
        await Store.SaveIncidentAsync(other with { Tasks = [TaskWith(1, otherLink)], TaskSequence = 1 }, [], [], None);
        await OpenAsync(Channel("C3", "T1"), T0.AddHours(4));

        var all = await Store.MeasureFollowupsAsync(null, T0, None);
        var workspace = await Store.MeasureFollowupsAsync(old.Channel.WorkspaceKey, T0, None);
        var exact = await Store.MeasureFollowupsAsync(null, inPeriod.CreatedAt, None);
        var none = await Store.MeasureFollowupsAsync(null, T0.AddHours(3).AddTicks(1), None);

        Assert.Equal(
            [new FollowupMeasure(old.Id, old.Channel, inPeriod), new FollowupMeasure(old.Id, old.Channel, removed), new FollowupMeasure(other.Id, other.Channel, otherLink)],
            all.OrderBy(f => f.Link.CreatedAt));
        Assert.Equal(["octo/app#2", "octo/app#3"], workspace.Select(f => f.Link.IssueKey).Order(StringComparer.Ordinal));
        Assert.Equal(["OPS-7", "octo/app#2", "octo/app#3"], exact.Select(f => f.Link.IssueKey).Order(StringComparer.Ordinal));
        Assert.Empty(none);
    }

    [Fact]
    public async Task Followup_measures_follow_links_made_later_on_a_resolved_incident()
    {
        var incident = await OpenAsync(Channel("C1"), T0);
        await ResolveAsync(incident);
        var before = await Store.MeasureFollowupsAsync(null, T0, None);

        var resolved = await Store.GetIncidentAsync(incident.Id, None);
        var link = Link("octo/app#5", T0.AddDays(2));
        await Store.SaveIncidentAsync(resolved! with { Tasks = [TaskWith(1, link)], TaskSequence = 1 }, [], [], None);
        var after = await Store.MeasureFollowupsAsync(null, T0.AddDays(1), None);

        Assert.Empty(before);
        Assert.Equal(new FollowupMeasure(incident.Id, incident.Channel, link), Assert.Single(after));
    }

    private static FollowupLink Link(string key, DateTimeOffset created) =>
        new("github", key, $"https://github.com/{key.Replace('#', '/')}", FollowupState.Open, created);

    private static IncidentTask TaskWith(int number, FollowupLink link) => new($"Task {number}", null) { Number = number, Followup = link };
}
