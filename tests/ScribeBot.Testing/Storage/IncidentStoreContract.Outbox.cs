using static ScribeBot.Testing.Storage.Samples;

namespace ScribeBot.Testing.Storage;

/// <summary>The outbox half of the contract (<see cref="IOutboxStore"/>), on the same store instance as the incidents.</summary>
public abstract partial class IncidentStoreContract
{
    private static readonly ChatPlatform[] AllPlatforms = [ChatPlatform.Slack, ChatPlatform.Teams, ChatPlatform.Web];

    private IOutboxStore Outbox => (IOutboxStore)Store;

    private static OutboxItem Item(ChannelRef channel, string requestId, int index = 0, DateTimeOffset? at = null, ChannelPost? post = null) => new()
    {
        Id = OutboxItem.MakeId(channel, requestId, index),
        Post = post ?? new AnnouncementPost(channel, ChatText.Of($"post {requestId}/{index}")),
        IncidentId = "inc",
        EnqueuedAt = at ?? T0,
        NextAttemptAt = at ?? T0,
    };

    [Fact]
    public async Task Outbox_items_are_enqueued_with_the_opened_incident()
    {
        var channel = Channel();
        var item = Item(channel, "start");

        await Store.OpenIncidentAsync(channel, n => Create(channel)(n) with { Outbox = [item] }, None);

        AssertSame(item, await Outbox.GetAsync(item.Id, None));
    }

    [Fact]
    public async Task Outbox_items_of_a_refused_open_are_not_enqueued()
    {
        var channel = Channel();
        await Store.OpenIncidentAsync(channel, Create(channel), None);
        var item = Item(channel, "second-start");

        var result = await Store.OpenIncidentAsync(channel, n => Create(channel)(n) with { Outbox = [item] }, None);

        Assert.False(result.Opened);
        Assert.Null(await Outbox.GetAsync(item.Id, None));
    }

    [Fact]
    public async Task Outbox_items_are_enqueued_with_a_saved_incident_and_its_entries()
    {
        var channel = Channel();
        var incident = (await Store.OpenIncidentAsync(channel, Create(channel), None)).Incident;
        var items = new[] { Item(channel, "resolve", 0), Item(channel, "resolve", 1, post: new PostmortemPost(channel, incident.Id)) };

        await Store.SaveIncidentAsync(incident with { Status = IncidentStatus.Resolved }, [Entry(incident.Id, "resolve")], items, None);

        Assert.NotNull(await Store.GetEntryAsync(incident.Id, "resolve", None));
        foreach (var item in items)
        {
            AssertSame(item, await Outbox.GetAsync(item.Id, None));
        }
    }

    [Fact]
    public async Task An_outbox_item_whose_id_is_stored_is_ignored()
    {
        var channel = Channel();
        var first = Item(channel, "r1");
        await Outbox.EnqueueAsync([first], None);
        await Outbox.RescheduleAsync(first.Id, T0.AddMinutes(1), "boom", None);
        var stored = await Outbox.GetAsync(first.Id, None);

        await Outbox.EnqueueAsync([first with { Post = new AnnouncementPost(channel, ChatText.Of("other")) }], None);
        var incident = (await Store.OpenIncidentAsync(channel, Create(channel), None)).Incident;
        await Store.SaveIncidentAsync(incident, [], [first], None);

        AssertSame(stored, await Outbox.GetAsync(first.Id, None));
        Assert.Equal(1, (await Outbox.CountPendingAsync(None))[ChatPlatform.Slack]);
    }

    [Fact]
    public async Task Due_items_are_the_oldest_pending_item_of_each_channel_oldest_first()
    {
        var c1 = Channel("C1");
        var c2 = Channel("C2");
        var teams = Channel("C3", platform: ChatPlatform.Teams);
        await Outbox.EnqueueAsync([Item(c2, "a"), Item(c1, "b"), Item(c2, "c"), Item(teams, "d")], None);
        await Outbox.EnqueueAsync([Item(c1, "e", at: T0.AddMinutes(5))], None);

        var due = await Outbox.GetDueAsync(T0, 10, AllPlatforms, None);
        Assert.Equal([Item(c2, "a").Id, Item(c1, "b").Id, Item(teams, "d").Id], due.Select(i => i.Id));

        Assert.Equal([Item(c2, "a").Id], (await Outbox.GetDueAsync(T0, 1, AllPlatforms, None)).Select(i => i.Id));
        Assert.Equal([Item(teams, "d").Id], (await Outbox.GetDueAsync(T0, 10, [ChatPlatform.Teams], None)).Select(i => i.Id));
        Assert.Empty(await Outbox.GetDueAsync(T0, 10, [ChatPlatform.Web], None));
    }

    [Fact]
    public async Task A_channel_waits_while_its_oldest_item_is_not_due()
    {
        var channel = Channel();
        var first = Item(channel, "a");
        var second = Item(channel, "b");
        await Outbox.EnqueueAsync([first, second], None);

        await Outbox.RescheduleAsync(first.Id, T0.AddSeconds(30), "429", None);

        Assert.Empty(await Outbox.GetDueAsync(T0.AddSeconds(29), 10, AllPlatforms, None));
        Assert.Equal(T0.AddSeconds(30), await Outbox.NextDueAtAsync(AllPlatforms, None));
        Assert.Equal([first.Id], (await Outbox.GetDueAsync(T0.AddSeconds(30), 10, AllPlatforms, None)).Select(i => i.Id));

        await Outbox.MarkDeliveredAsync(first.Id, T0.AddSeconds(31), None);
        Assert.Equal([second.Id], (await Outbox.GetDueAsync(T0.AddSeconds(31), 10, AllPlatforms, None)).Select(i => i.Id));
    }

    [Fact]
    public async Task Next_due_is_the_earliest_channel_head_on_the_platforms_or_null()
    {
        Assert.Null(await Outbox.NextDueAtAsync(AllPlatforms, None));
        var slack = Channel("C1");
        var teams = Channel("C2", platform: ChatPlatform.Teams);
        await Outbox.EnqueueAsync([Item(slack, "a", at: T0.AddMinutes(3)), Item(teams, "b", at: T0.AddMinutes(1))], None);

        Assert.Equal(T0.AddMinutes(1), await Outbox.NextDueAtAsync(AllPlatforms, None));
        Assert.Equal(T0.AddMinutes(3), await Outbox.NextDueAtAsync([ChatPlatform.Slack], None));
        Assert.Null(await Outbox.NextDueAtAsync([ChatPlatform.Web], None));
    }

    [Fact]
    public async Task Reschedule_counts_the_attempt_and_mark_delivered_and_abandon_end_the_item()
    {
        var channel = Channel();
        var delivered = Item(channel, "a");
        var abandoned = Item(Channel("C2"), "b");
        await Outbox.EnqueueAsync([delivered, abandoned], None);

        await Outbox.RescheduleAsync(delivered.Id, T0.AddSeconds(2), "503", None);
        await Outbox.RescheduleAsync(delivered.Id, T0.AddSeconds(6), "timeout", None);
        AssertSame(delivered with { Attempts = 2, NextAttemptAt = T0.AddSeconds(6), LastError = "timeout" }, await Outbox.GetAsync(delivered.Id, None));

        await Outbox.MarkDeliveredAsync(delivered.Id, T0.AddSeconds(7), None);
        await Outbox.AbandonAsync(abandoned.Id, "channel_not_found", T0.AddSeconds(8), None);

        AssertSame(
            delivered with { Attempts = 2, NextAttemptAt = T0.AddSeconds(6), LastError = "timeout", State = OutboxState.Delivered, DeliveredAt = T0.AddSeconds(7) },
            await Outbox.GetAsync(delivered.Id, None));
        AssertSame(
            abandoned with { Attempts = 1, LastError = "channel_not_found", State = OutboxState.Abandoned, AbandonedAt = T0.AddSeconds(8) },
            await Outbox.GetAsync(abandoned.Id, None));
        Assert.Empty(await Outbox.GetDueAsync(T0.AddDays(1), 10, AllPlatforms, None));
        Assert.Null(await Outbox.NextDueAtAsync(AllPlatforms, None));
        Assert.Empty(await Outbox.CountPendingAsync(None));
    }

    [Fact]
    public async Task Updates_to_an_unknown_outbox_id_do_nothing()
    {
        await Outbox.MarkDeliveredAsync("nope", T0, None);
        await Outbox.RescheduleAsync("nope", T0, "x", None);
        await Outbox.AbandonAsync("nope", "x", T0, None);

        Assert.Null(await Outbox.GetAsync("nope", None));
    }

    [Fact]
    public async Task Every_post_kind_and_text_style_round_trips()
    {
        var channel = Channel("C-ü", "T-東京", ChatPlatform.Teams);
        var text = new ChatTextBuilder()
            .Plain("plain <&> ").Strong("strong").Emphasis("em").Code("`code`").Placeholder("[root cause]")
            .Link("link", "https://example.com/a?b=c&d").Plain(" @here\nline 2 😀")
            .Build();
        var offset = new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.FromHours(1));
        var items = new[]
        {
            Item(channel, "r", 0, post: new AnnouncementPost(channel, text)) with
            {
                EnqueuedAt = offset, NextAttemptAt = offset.AddSeconds(2), Attempts = 3, LastError = "HTTP 503",
            },
            Item(channel, "r", 1, post: new TimelinePost(channel, "teams:T-東京:C-ü#1")) with { IncidentId = null },
            Item(channel, "r", 2, post: new PostmortemPost(channel, "teams:T-東京:C-ü#1")) with
            {
                State = OutboxState.Delivered, DeliveredAt = offset.AddMinutes(1),
            },
            Item(channel, "r", 3, post: new AnnouncementPost(channel, ChatText.Empty)) with
            {
                State = OutboxState.Abandoned, AbandonedAt = offset.AddMinutes(2),
            },
            Item(channel, "r", 4, post: new PrivatePost(channel, new Person("29:1-ü", "Dana 東京"), text)),
        };

        await Outbox.EnqueueAsync(items, None);

        foreach (var item in items)
        {
            var stored = await Outbox.GetAsync(item.Id, None);
            AssertSame(item, stored);
            // Json<T> serialises by declared type; as object the post's own kind and fields are compared.
            Assert.Equal(Json<object>(item.Post), Json<object>(stored!.Post));
            Assert.Equal(item.Channel, stored.Channel);
        }

        var announcement = (AnnouncementPost)(await Outbox.GetAsync(items[0].Id, None))!.Post;
        Assert.Equal(text.Runs, announcement.Text.Runs);
    }
}
