using static ScribeBot.Testing.Storage.Samples;

namespace ScribeBot.Testing.Storage;

/// <summary>
/// Retention and purge (<see cref="IRetentionStore"/>, issue 14 item 4): finished posts go with the adapter records they
/// own; resolved incidents go only when purged, with everything that hangs off them, and their numbers stay used.
/// </summary>
public abstract partial class IncidentStoreContract
{
    private IRetentionStore Retention => (IRetentionStore)Store;

    private static readonly DateTimeOffset Cutoff = T0.AddDays(30);

    private async Task<OutboxItem> DeliveredAsync(ChannelRef channel, string requestId, DateTimeOffset deliveredAt, string? incidentId = null)
    {
        var item = Item(channel, requestId) with { IncidentId = incidentId ?? "inc" };
        await Outbox.EnqueueAsync([item], None);
        await Outbox.MarkDeliveredAsync(item.Id, deliveredAt, None);
        return item;
    }

    private async Task<OutboxItem> AbandonedAsync(ChannelRef channel, string requestId, DateTimeOffset abandonedAt)
    {
        var item = Item(channel, requestId);
        await Outbox.EnqueueAsync([item], None);
        await Outbox.AbandonAsync(item.Id, "channel_not_found", abandonedAt, None);
        return item;
    }

    [Fact]
    public async Task Retention_removes_posts_delivered_before_the_cutoff_and_keeps_later_and_pending_ones()
    {
        var channel = Channel();
        var old = await DeliveredAsync(channel, "old", Cutoff.AddTicks(-1));
        var recent = await DeliveredAsync(channel, "recent", Cutoff);
        var pending = Item(channel, "pending");
        await Outbox.EnqueueAsync([pending], None);

        var removed = await Retention.RemoveFinishedPostsAsync(Cutoff, Cutoff, 100, None);

        Assert.Equal(new RemovedPosts(1, 0, 0), removed);
        Assert.Null(await Outbox.GetAsync(old.Id, None));
        Assert.NotNull(await Outbox.GetAsync(recent.Id, None));
        Assert.Equal(OutboxState.Pending, (await Outbox.GetAsync(pending.Id, None))!.State);
        Assert.Equal(pending.Id, Assert.Single(await Outbox.GetDueAsync(T0.AddYears(1), 10, AllPlatforms, None)).Id);
    }

    [Fact]
    public async Task Retention_removes_abandoned_posts_by_their_own_cutoff()
    {
        var channel = Channel();
        var abandoned = await AbandonedAsync(channel, "gave-up", T0.AddDays(10));
        var delivered = await DeliveredAsync(channel, "sent", T0.AddDays(10));

        var keptAbandoned = await Retention.RemoveFinishedPostsAsync(T0.AddDays(20), T0.AddDays(5), 100, None);
        var then = await Retention.RemoveFinishedPostsAsync(T0.AddDays(20), T0.AddDays(20), 100, None);

        Assert.Equal(new RemovedPosts(1, 0, 0), keptAbandoned);
        Assert.Equal(new RemovedPosts(0, 1, 0), then);
        Assert.Null(await Outbox.GetAsync(abandoned.Id, None));
        Assert.Null(await Outbox.GetAsync(delivered.Id, None));
    }

    [Fact]
    public async Task Retention_removes_at_most_the_batch_it_is_asked_for()
    {
        var channel = Channel();
        for (var i = 0; i < 5; i++)
        {
            await DeliveredAsync(channel, $"r{i}", T0.AddMinutes(i));
        }

        var batches = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            batches.Add((await Retention.RemoveFinishedPostsAsync(Cutoff, Cutoff, 2, None)).Posts);
        }

        Assert.Equal([2, 2, 1, 0], batches);
    }

    [Fact]
    public async Task A_removed_post_takes_the_adapter_records_it_owns_and_leaves_every_other_record()
    {
        var channel = Channel();
        var old = await DeliveredAsync(channel, "old", T0);
        var pending = Item(channel, "pending");
        await Outbox.EnqueueAsync([pending], None);
        await State.SetItemStateAsync(old.Id, "slack:delivery:" + old.Id, """{"done":true}""", None);
        await State.SetItemStateAsync(old.Id, "teams:delivered:" + old.Id, "2", None);
        await State.SetItemStateAsync(pending.Id, "slack:delivery:" + pending.Id, """{"parts":[]}""", None);
        await State.SetStateAsync("teams:conversation:19:abc", """{"serviceUrl":"https://smba.example/"}""", None);
        // Read once, so a store that caches records must forget the removed ones, not only delete them.
        Assert.NotNull(await State.GetStateAsync("slack:delivery:" + old.Id, None));

        var removed = await Retention.RemoveFinishedPostsAsync(Cutoff, Cutoff, 100, None);

        Assert.Equal(new RemovedPosts(1, 0, 2), removed);
        Assert.Null(await State.GetStateAsync("slack:delivery:" + old.Id, None));
        Assert.Null(await State.GetStateAsync("teams:delivered:" + old.Id, None));
        Assert.Equal("""{"parts":[]}""", await State.GetStateAsync("slack:delivery:" + pending.Id, None));
        Assert.Equal("""{"serviceUrl":"https://smba.example/"}""", await State.GetStateAsync("teams:conversation:19:abc", None));
    }

    [Fact]
    public async Task A_record_set_again_without_an_owner_is_no_longer_the_posts()
    {
        var channel = Channel();
        var old = await DeliveredAsync(channel, "old", T0);
        await State.SetItemStateAsync(old.Id, "reused-key", "1", None);
        await State.SetStateAsync("reused-key", "2", None);

        var removed = await Retention.RemoveFinishedPostsAsync(Cutoff, Cutoff, 100, None);

        Assert.Equal(0, removed.AdapterStates);
        Assert.Equal("2", await State.GetStateAsync("reused-key", None));
    }

    [Fact]
    public async Task A_purge_plan_counts_resolved_incidents_declared_before_the_day_by_workspace_and_changes_nothing()
    {
        var t1 = await OpenAsync(Channel("C1", "T1"), T0, "m1", "m2");
        await ResolveAsync(t1);
        await Outbox.EnqueueAsync([Item(t1.Channel, "resolve") with { IncidentId = t1.Id }], None);
        var t2 = await OpenAsync(Channel("C1", "T2"), T0.AddDays(1), "m1");
        await ResolveAsync(t2);
        var open = await OpenAsync(Channel("C2", "T2"), T0.AddDays(2));
        var later = await OpenAsync(Channel("C3", "T1"), Cutoff);
        await ResolveAsync(later);

        var plan = await Retention.PlanPurgeAsync(Cutoff, None);

        Assert.Equal([t1.Id, t2.Id], plan.IncidentIds);
        Assert.Equal(
            [new WorkspacePurge("slack:T1", new PurgeTally(1, 2, 1), 0), new WorkspacePurge("slack:T2", new PurgeTally(1, 1, 0), 1)],
            plan.Workspaces);
        Assert.Equal(new PurgeTally(2, 3, 1), plan.Total);
        Assert.Equal(1, plan.OpenSkipped);
        Assert.NotNull(await Store.GetIncidentAsync(t1.Id, None));
        Assert.Equal(2, (await Store.GetTimelineAsync(t1.Id, None)).Count);
        Assert.NotNull(await Store.GetIncidentAsync(open.Id, None));
    }

    [Fact]
    public async Task A_purge_removes_the_incident_with_its_entries_its_posts_and_the_records_they_own()
    {
        var incident = await OpenAsync(Channel(), T0, "m1", "m2");
        await ResolveAsync(incident);
        var post = await DeliveredAsync(incident.Channel, "resolve", Cutoff.AddDays(1), incident.Id);
        var pending = Item(incident.Channel, "postmortem") with { IncidentId = incident.Id };
        await Outbox.EnqueueAsync([pending], None);
        await State.SetItemStateAsync(post.Id, "slack:delivery:" + post.Id, """{"done":true}""", None);
        var other = await DeliveredAsync(incident.Channel, "other", T0, "another-incident");

        var purged = await Retention.PurgeAsync([incident.Id], Cutoff, None);

        Assert.Equal(new PurgeTally(1, 2, 2), purged);
        Assert.Null(await Store.GetIncidentAsync(incident.Id, None));
        Assert.Empty(await Store.GetTimelineAsync(incident.Id, None));
        Assert.Null(await Store.GetEntryAsync(incident.Id, "m1", None));
        Assert.Null(await Outbox.GetAsync(post.Id, None));
        Assert.Null(await Outbox.GetAsync(pending.Id, None));
        Assert.Empty(await Outbox.GetDueAsync(T0.AddYears(1), 10, AllPlatforms, None));
        Assert.Null(await State.GetStateAsync("slack:delivery:" + post.Id, None));
        Assert.NotNull(await Outbox.GetAsync(other.Id, None));
    }

    [Fact]
    public async Task A_purge_never_removes_an_open_incident_nor_one_declared_on_or_after_the_day()
    {
        var open = await OpenAsync(Channel("C1"), T0, "m1");
        var acknowledged = await OpenAsync(Channel("C2"), T0);
        await Store.SaveIncidentAsync(acknowledged with { Status = IncidentStatus.Acknowledged }, [], [], None);
        var onTheDay = await OpenAsync(Channel("C3"), Cutoff);
        await ResolveAsync(onTheDay);

        var purged = await Retention.PurgeAsync([open.Id, acknowledged.Id, onTheDay.Id, "slack:T1:999"], Cutoff, None);

        Assert.Equal(PurgeTally.None, purged);
        Assert.Equal(open.Id, (await Store.FindOpenIncidentAsync(open.Channel, None))?.Id);
        Assert.Single(await Store.GetTimelineAsync(open.Id, None));
        Assert.NotNull(await Store.GetIncidentAsync(acknowledged.Id, None));
        Assert.NotNull(await Store.GetIncidentAsync(onTheDay.Id, None));
    }

    [Fact]
    public async Task After_a_purge_numbers_are_not_given_again()
    {
        var channel = Channel();
        var first = await OpenAsync(channel, T0);
        await ResolveAsync(first);
        var second = await OpenAsync(channel, T0.AddDays(1));
        await ResolveAsync(second);

        await Retention.PurgeAsync([first.Id, second.Id], Cutoff, None);
        var third = await OpenAsync(channel, Cutoff);

        Assert.Equal(3, third.Number);
    }

    [Fact]
    public async Task After_a_purge_a_channels_latest_incident_is_its_latest_remaining_one_or_none()
    {
        var kept = Channel("C1");
        var first = await OpenAsync(kept, T0);
        await ResolveAsync(first);
        var second = await OpenAsync(kept, T0.AddDays(1));
        await ResolveAsync(second);
        var emptied = Channel("C2");
        var only = await OpenAsync(emptied, T0);
        await ResolveAsync(only);

        // The later one alone (a purge by ids may leave an older one, e.g. declared after the day but numbered before).
        await Retention.PurgeAsync([second.Id, only.Id], Cutoff, None);

        Assert.Equal(first.Id, (await Store.FindLatestIncidentAsync(kept, None))?.Id);
        Assert.Null(await Store.FindLatestIncidentAsync(emptied, None));
        Assert.Equal(4, (await OpenAsync(emptied, Cutoff)).Number);
        Assert.Equal(4, (await Store.FindLatestIncidentAsync(emptied, None))?.Number);
    }

    [Fact]
    public async Task Purged_incidents_leave_the_dashboard_list_and_the_statistics()
    {
        var purged = await OpenAsync(Channel("C1"), T0);
        await ResolveAsync(purged);
        var kept = await OpenAsync(Channel("C2"), T0.AddHours(1));
        await ResolveAsync(kept);
        var open = await OpenAsync(Channel("C3"), T0.AddHours(2));

        await Retention.PurgeAsync([purged.Id, kept.Id], T0.AddMinutes(30), None);
        var page = await Store.QueryIncidentsAsync(new IncidentQuery(), None);
        var measures = await Store.MeasureIncidentsAsync(null, DateTimeOffset.MinValue, None);
        var listed = await Store.ListIncidentsAsync(purged.Channel.WorkspaceKey, DateTimeOffset.MinValue, None);

        Assert.Equal([open.Id, kept.Id], page.Items.Select(i => i.Id));
        Assert.Equal(2, page.Total);
        Assert.Equal(2, measures.Count);
        Assert.Equal([open.Id, kept.Id], listed.Select(i => i.Id));
        Assert.Equal(1, (await Store.QueryIncidentsAsync(new IncidentQuery { Status = IncidentStatus.Resolved }, None)).Total);
    }
}
