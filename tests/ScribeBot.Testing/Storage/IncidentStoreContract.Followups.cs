using ScribeBot.Core.Followups;
using static ScribeBot.Testing.Storage.Samples;

namespace ScribeBot.Testing.Storage;

// Follow-ups: a task's number and tracker issue, the tasks removed after their issue was made, and the outbox item
// that creates the issues (its own lane beside the channel's chat posts).
public abstract partial class IncidentStoreContract
{
    [Fact]
    public async Task Task_numbers_their_issues_and_removed_tasks_are_stored()
    {
        var channel = Channel();
        var incident = (await Store.OpenIncidentAsync(channel, Create(channel), None)).Incident;
        var link = new FollowupLink("github", "octo/app#12", "https://github.com/octo/app/issues/12", FollowupState.Open, T0.AddHours(2))
        {
            StateReadAt = T0.AddHours(3),
        };
        var closed = new FollowupLink("github", "octo/app#9", "https://github.com/octo/app/issues/9", FollowupState.Closed, T0.AddHours(1));
        var changed = incident with
        {
            Tasks =
            [
                new IncidentTask("Add a canary", "Bo Chen") { Number = 1, Followup = link },
                new IncidentTask("Alert on p99", null) { Number = 3 },
            ],
            TaskSequence = 3,
            RemovedTasks = [new IncidentTask("Old idea", null) { Number = 2, Followup = closed }],
        };

        await Store.SaveIncidentAsync(changed, [], [], None);
        var stored = await Store.GetIncidentAsync(incident.Id, None);

        AssertSame(changed, stored);
        Assert.Equal(link, stored!.Tasks[0].Followup);
        Assert.Equal(3, stored.Tasks[1].Number);
        Assert.Null(stored.Tasks[1].Followup);
        Assert.Equal(3, stored.TaskSequence);
        Assert.Equal(closed, Assert.Single(stored.RemovedTasks).Followup);
    }

    [Fact]
    public async Task A_followups_item_is_stored_and_queued_apart_from_the_channels_posts()
    {
        var channel = Channel();
        var incident = (await Store.OpenIncidentAsync(channel, Create(channel), None)).Incident;
        var chat = Item(channel, "r1");
        var followups = new FollowupsPost(FollowupLane.Of(channel), incident.Id, Alice);
        var item = Item(channel, "r2") with { Id = OutboxItem.MakeId(followups.Channel, "r2", 0), Post = followups };
        await Outbox.EnqueueAsync([chat, item], None);

        var stored = await Outbox.GetAsync(item.Id, None);
        var due = await Outbox.GetDueAsync(T0.AddDays(1), 10, [ChatPlatform.Slack], None);

        Assert.Equal(followups, Assert.IsType<FollowupsPost>(stored!.Post));
        Assert.Equal(FollowupLane.Of(channel), stored.Channel);
        Assert.Equal(new[] { chat.Id, item.Id }.Order(StringComparer.Ordinal), due.Select(d => d.Id).Order(StringComparer.Ordinal));
    }
}
