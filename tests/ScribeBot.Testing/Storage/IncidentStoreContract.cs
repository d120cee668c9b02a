using static ScribeBot.Testing.Storage.Samples;

namespace ScribeBot.Testing.Storage;

/// <summary>
/// The semantics documented on <see cref="IIncidentStore"/>, <see cref="IOutboxStore"/> and
/// <see cref="IAdapterStateStore"/>, which every store must pass. A store's test project derives one class from this
/// and supplies the store (the in-memory store and LiteDB: tests/ScribeBot.LiteDb.Tests/Contract; PostgreSQL:
/// tests/ScribeBot.Postgres.Tests/Contract); a store added later does the same in its own test project.
/// </summary>
public abstract partial class IncidentStoreContract : PortContract<IIncidentStore>
{
    protected IIncidentStore Store => Subject;

    protected abstract Task<IIncidentStore> CreateStoreAsync();

    protected abstract Task DisposeStoreAsync(IIncidentStore store);

    protected sealed override Task<IIncidentStore> CreateAsync() => CreateStoreAsync();

    protected sealed override Task DisposeAsync(IIncidentStore subject) => DisposeStoreAsync(subject);

    private async Task<Incident> OpenAsync(ChannelRef channel, DateTimeOffset? declared = null, params string[] firstMessageIds)
    {
        var result = await Store.OpenIncidentAsync(channel, Create(channel, declared, firstMessageIds), None);
        Assert.True(result.Opened);
        return result.Incident;
    }

    private async Task ResolveAsync(Incident incident) =>
        await Store.SaveIncidentAsync(
            incident with { Status = IncidentStatus.Resolved, Resolved = new Milestone(T0.AddHours(1), Alice) }, [], [], None);

    [Fact]
    public async Task Incident_numbers_are_sequential_per_workspace()
    {
        var first = await OpenAsync(Channel("C1"));
        var second = await OpenAsync(Channel("C2"));
        var third = await OpenAsync(Channel("C3"));

        Assert.Equal([1, 2, 3], new[] { first.Number, second.Number, third.Number });
    }

    [Fact]
    public async Task Incident_numbers_of_different_workspaces_are_independent()
    {
        var a1 = await OpenAsync(Channel("C1", "TA"));
        var b1 = await OpenAsync(Channel("C1", "TB"));
        var a2 = await OpenAsync(Channel("C2", "TA"));
        var teams = await OpenAsync(Channel("C1", "TA", ChatPlatform.Teams));

        Assert.Equal(1, a1.Number);
        Assert.Equal(1, b1.Number);
        Assert.Equal(2, a2.Number);
        Assert.Equal(1, teams.Number);
    }

    [Fact]
    public async Task Incident_numbers_are_not_reused_after_resolve()
    {
        var channel = Channel();
        var first = await OpenAsync(channel);
        await ResolveAsync(first);

        var second = await OpenAsync(channel);

        Assert.Equal(2, second.Number);
        Assert.Equal(IncidentStatus.Resolved, (await Store.GetIncidentAsync(first.Id, None))!.Status);
    }

    [Fact]
    public async Task Open_in_a_channel_with_an_open_incident_returns_that_one_without_creating()
    {
        var channel = Channel();
        var open = await OpenAsync(channel);
        var created = false;

        var result = await Store.OpenIncidentAsync(channel, n => { created = true; return Create(channel)(n); }, None);

        Assert.False(result.Opened);
        Assert.False(created);
        Assert.Equal(open.Id, result.Incident.Id);
        Assert.Equal(2, (await OpenAsync(Channel("other"))).Number);
    }

    [Fact]
    public async Task Concurrent_opens_in_one_channel_open_exactly_one_incident()
    {
        var channel = Channel();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => Store.OpenIncidentAsync(channel, Create(channel), None))));

        Assert.Single(results, r => r.Opened);
        Assert.All(results, r => Assert.Equal(1, r.Incident.Number));
    }

    [Fact]
    public async Task Open_stores_the_first_entries_with_the_incident()
    {
        var incident = await OpenAsync(Channel(), null, "m1", "m2");

        var timeline = await Store.GetTimelineAsync(incident.Id, None);

        Assert.Equal(["m1", "m2"], timeline.Select(e => e.MessageId));
    }

    [Fact]
    public async Task A_failing_create_stores_nothing_and_the_channel_can_still_open()
    {
        var channel = Channel();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.OpenIncidentAsync(channel, _ => throw new InvalidOperationException("no"), None));

        Assert.Null(await Store.FindOpenIncidentAsync(channel, None));
        Assert.True((await Store.OpenIncidentAsync(channel, Create(channel), None)).Opened);
    }

    [Fact]
    public async Task Find_open_incident_sees_open_and_not_resolved_incidents()
    {
        var channel = Channel();
        Assert.Null(await Store.FindOpenIncidentAsync(channel, None));

        var incident = await OpenAsync(channel);
        Assert.Equal(incident.Id, (await Store.FindOpenIncidentAsync(channel, None))?.Id);
        Assert.Null(await Store.FindOpenIncidentAsync(Channel("C2"), None));

        await ResolveAsync(incident);
        Assert.Null(await Store.FindOpenIncidentAsync(channel, None));
    }

    [Fact]
    public async Task Find_open_incident_returns_the_latest_saved_state()
    {
        var channel = Channel();
        var incident = await OpenAsync(channel);
        var acknowledged = incident with { Status = IncidentStatus.Acknowledged, Acknowledged = new Milestone(T0.AddMinutes(3), Alice) };

        await Store.SaveIncidentAsync(acknowledged, [], [], None);

        AssertSame(acknowledged, await Store.FindOpenIncidentAsync(channel, None));
    }

    [Fact]
    public async Task Find_latest_incident_returns_the_most_recent_one_even_when_resolved()
    {
        var channel = Channel();
        Assert.Null(await Store.FindLatestIncidentAsync(channel, None));
        var first = await OpenAsync(channel);
        await ResolveAsync(first);
        var second = await OpenAsync(channel);
        await ResolveAsync(second);
        await OpenAsync(Channel("C2"));

        var latest = await Store.FindLatestIncidentAsync(channel, None);

        Assert.Equal(second.Id, latest?.Id);
        Assert.Equal(IncidentStatus.Resolved, latest?.Status);
    }

    [Fact]
    public async Task Get_incident_returns_null_for_an_unknown_id()
    {
        Assert.Null(await Store.GetIncidentAsync("slack:T1:99", None));
    }

    [Fact]
    public async Task Saving_a_resolved_incident_as_open_again_reopens_it()
    {
        var channel = Channel();
        var incident = await OpenAsync(channel);
        await ResolveAsync(incident);
        var reopened = incident with { Status = IncidentStatus.Triggered, ReopenCount = 1 };

        await Store.SaveIncidentAsync(reopened, [Entry(incident.Id, "cmd-reopen")], [], None);

        AssertSame(reopened, await Store.FindOpenIncidentAsync(channel, None));
        var result = await Store.OpenIncidentAsync(channel, Create(channel), None);
        Assert.False(result.Opened);
        Assert.Equal(incident.Id, result.Incident.Id);
        Assert.Single(await Store.GetTimelineAsync(incident.Id, None));
    }

    [Fact]
    public async Task Save_incident_appends_its_new_entries_once()
    {
        var incident = await OpenAsync(Channel(), null, "m1");

        await Store.SaveIncidentAsync(incident, [Entry(incident.Id, "m1", text: "changed"), Entry(incident.Id, "cmd-1")], [], None);

        var timeline = await Store.GetTimelineAsync(incident.Id, None);
        Assert.Equal(["m1", "cmd-1"], timeline.Select(e => e.MessageId));
        Assert.Equal("message m1", timeline[0].Text);
    }

    [Fact]
    public async Task Append_of_a_new_message_reports_added()
    {
        Assert.Equal(AppendResult.Added, await Store.AppendEntryAsync(Entry("i1", "m1"), None));
        AssertSame(Entry("i1", "m1"), await Store.GetEntryAsync("i1", "m1", None));
    }

    [Fact]
    public async Task Append_of_a_redelivered_message_stores_it_once()
    {
        await Store.AppendEntryAsync(Entry("i1", "m1", text: "first"), None);

        var result = await Store.AppendEntryAsync(Entry("i1", "m1", text: "second"), None);

        Assert.Equal(AppendResult.Duplicate, result);
        var timeline = await Store.GetTimelineAsync("i1", None);
        Assert.Equal("first", Assert.Single(timeline).Text);
    }

    [Fact]
    public async Task The_same_message_id_in_two_incidents_is_two_entries()
    {
        Assert.Equal(AppendResult.Added, await Store.AppendEntryAsync(Entry("i1", "m1"), None));
        Assert.Equal(AppendResult.Added, await Store.AppendEntryAsync(Entry("i2", "m1"), None));

        Assert.Single(await Store.GetTimelineAsync("i1", None));
        Assert.Single(await Store.GetTimelineAsync("i2", None));
    }

    [Fact]
    public async Task Concurrent_redeliveries_of_one_message_add_it_exactly_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => Store.AppendEntryAsync(Entry("i1", "m1"), None))));

        Assert.Single(results, r => r == AppendResult.Added);
        Assert.Single(await Store.GetTimelineAsync("i1", None));
    }

    [Fact]
    public async Task Get_entry_returns_null_for_an_unknown_message()
    {
        await Store.AppendEntryAsync(Entry("i1", "m1"), None);

        Assert.Null(await Store.GetEntryAsync("i1", "m2", None));
        Assert.Null(await Store.GetEntryAsync("i2", "m1", None));
    }

    [Fact]
    public async Task Update_of_a_missing_entry_returns_null_without_calling_change()
    {
        var called = false;

        var result = await Store.UpdateEntryAsync("i1", "m1", e => { called = true; return e; }, None);

        Assert.Null(result);
        Assert.False(called);
        Assert.Null(await Store.GetEntryAsync("i1", "m1", None));
    }

    [Fact]
    public async Task Update_stores_the_changed_entry_and_returns_it()
    {
        await Store.AppendEntryAsync(Entry("i1", "m1", text: "old"), None);

        var result = await Store.UpdateEntryAsync(
            "i1", "m1", e => e with { Text = "new", Edits = [new TextRevision(e.Text, T0.AddMinutes(1))] }, None);

        Assert.Equal("new", result?.Text);
        AssertSame(result, await Store.GetEntryAsync("i1", "m1", None));
    }

    [Fact]
    public async Task Update_returning_the_same_instance_changes_nothing()
    {
        await Store.AppendEntryAsync(Entry("i1", "m1", text: "old"), None);
        TimelineEntry? seen = null;

        var result = await Store.UpdateEntryAsync("i1", "m1", e => seen = e, None);

        Assert.Same(seen, result);
        AssertSame(Entry("i1", "m1", text: "old"), await Store.GetEntryAsync("i1", "m1", None));
    }

    [Fact]
    public async Task Concurrent_updates_of_one_entry_lose_none_of_the_changes()
    {
        await Store.AppendEntryAsync(Entry("i1", "m1"), None);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            Store.UpdateEntryAsync("i1", "m1", e => e with { Marks = [.. e.Marks, new TagMark(TimelineTag.Action, $"U{i}")] }, None))));

        var stored = await Store.GetEntryAsync("i1", "m1", None);
        Assert.Equal(40, stored!.Marks.Select(m => m.ByUserId).Distinct().Count());
    }

    [Fact]
    public async Task An_update_keeps_the_entry_in_its_arrival_place()
    {
        await Store.AppendEntryAsync(Entry("i1", "a", T0), None);
        await Store.AppendEntryAsync(Entry("i1", "b", T0), None);

        await Store.UpdateEntryAsync("i1", "a", e => e with { Text = "edited" }, None);

        Assert.Equal(["a", "b"], (await Store.GetTimelineAsync("i1", None)).Select(e => e.MessageId));
    }

    [Fact]
    public async Task Timeline_is_ordered_by_instant_then_by_arrival()
    {
        await Store.AppendEntryAsync(Entry("i1", "late", T0.AddMinutes(5)), None);
        await Store.AppendEntryAsync(Entry("i1", "tie-1", T0.AddMinutes(1)), None);
        await Store.AppendEntryAsync(Entry("i1", "early", T0), None);
        await Store.AppendEntryAsync(Entry("i1", "tie-2", T0.AddMinutes(1)), None);
        await Store.AppendEntryAsync(Entry("i1", "tie-3", T0.AddMinutes(1)), None);
        await Store.AppendEntryAsync(Entry("other", "x", T0), None);

        var timeline = await Store.GetTimelineAsync("i1", None);

        Assert.Equal(["early", "tie-1", "tie-2", "tie-3", "late"], timeline.Select(e => e.MessageId));
    }

    [Fact]
    public async Task Timeline_keeps_deleted_entries_and_is_empty_for_an_unknown_incident()
    {
        await Store.AppendEntryAsync(Entry("i1", "m1") with { Deleted = true }, None);

        Assert.True(Assert.Single(await Store.GetTimelineAsync("i1", None)).Deleted);
        Assert.Empty(await Store.GetTimelineAsync("nope", None));
    }

    [Fact]
    public async Task List_incidents_filters_by_workspace_and_declared_since_newest_first()
    {
        var a = Channel("C1", "TA");
        var tooOld = await OpenAsync(a, T0.AddDays(-10));
        await ResolveAsync(tooOld);
        var sinceEdge = await OpenAsync(Channel("C2", "TA"), T0);
        var newest = await OpenAsync(Channel("C3", "TA"), T0.AddDays(2));
        var tieLow = await OpenAsync(Channel("C4", "TA"), T0.AddDays(1));
        var tieHigh = await OpenAsync(Channel("C5", "TA"), T0.AddDays(1));
        await OpenAsync(Channel("C1", "TB"), T0.AddDays(1));

        var listed = await Store.ListIncidentsAsync(a.WorkspaceKey, T0, None);

        Assert.Equal([newest.Id, tieHigh.Id, tieLow.Id, sinceEdge.Id], listed.Select(i => i.Id));
        Assert.Empty(await Store.ListIncidentsAsync("slack:nobody", T0.AddYears(-5), None));
    }

    [Fact]
    public async Task An_incident_with_every_field_set_round_trips()
    {
        var channel = Channel("C-ü", "T-東京", ChatPlatform.Teams);
        var full = FullIncident(channel, 1);

        await Store.OpenIncidentAsync(channel, _ => new IncidentWithEntries(full, []), None);

        AssertSame(full, await Store.GetIncidentAsync(full.Id, None));
        AssertSame(full, await Store.FindOpenIncidentAsync(channel, None));
        AssertSame(full, await Store.FindLatestIncidentAsync(channel, None));
        AssertSame(full, Assert.Single(await Store.ListIncidentsAsync(channel.WorkspaceKey, T0.AddDays(-1), None)));
    }

    [Fact]
    public async Task An_incident_with_every_optional_field_unset_round_trips()
    {
        var channel = Channel(platform: ChatPlatform.Web);
        var minimal = Incident(channel, 1);

        await Store.OpenIncidentAsync(channel, _ => new IncidentWithEntries(minimal, []), None);

        var stored = await Store.GetIncidentAsync(minimal.Id, None);
        AssertSame(minimal, stored);
        Assert.Null(stored!.Commander);
        Assert.Null(stored.UsersAffectedPercent);
        Assert.Empty(stored.Tasks);
    }

    [Fact]
    public async Task A_saved_incident_replaces_every_field()
    {
        var channel = Channel();
        var full = FullIncident(channel, 1);
        await Store.OpenIncidentAsync(channel, _ => new IncidentWithEntries(full, []), None);
        var cleared = Incident(channel, 1) with { Status = IncidentStatus.Resolved };

        await Store.SaveIncidentAsync(cleared, [], [], None);

        AssertSame(cleared, await Store.GetIncidentAsync(full.Id, None));
    }

    [Fact]
    public async Task An_entry_with_every_field_set_round_trips()
    {
        var full = FullEntry("i1", "1700000000.000100");

        await Store.AppendEntryAsync(full, None);

        AssertSame(full, await Store.GetEntryAsync("i1", full.MessageId, None));
        AssertSame(full, Assert.Single(await Store.GetTimelineAsync("i1", None)));
    }

    [Fact]
    public async Task An_entry_with_every_optional_field_unset_round_trips()
    {
        var minimal = Entry("i1", "m1");

        await Store.AppendEntryAsync(minimal, None);

        var stored = await Store.GetEntryAsync("i1", "m1", None);
        AssertSame(minimal, stored);
        Assert.Null(stored!.ThreadId);
        Assert.Null(stored.Permalink);
        Assert.Empty(stored.Marks);
    }

    [Fact]
    public async Task Long_and_unicode_text_round_trips()
    {
        var text = string.Concat(Enumerable.Repeat("Zürich 🚨 東京 — ‘quote’ \u200d\n", 4_000));
        var entry = Entry("i1", "m1", text: text);

        await Store.AppendEntryAsync(entry, None);

        Assert.Equal(text, (await Store.GetEntryAsync("i1", "m1", None))?.Text);
    }

    protected static Incident FullIncident(ChannelRef channel, int number)
    {
        var bob = new Person("U2", "Bo Chen");
        return Incident(channel, number) with
        {
            Title = "Checkout returns 502 — «paiement» 💳",
            Severity = Severity.Sev1,
            Status = IncidentStatus.Acknowledged,
            Commander = bob,
            TimeZoneId = "Europe/Berlin",
            ImpactBegan = new Milestone(T0.AddMinutes(-17).AddTicks(1234567), bob),
            Detected = new Milestone(T0.AddMinutes(-3), Alice, "1772456400.000100"),
            Declared = new Milestone(T0, Alice),
            Acknowledged = new Milestone(T0.AddMinutes(2).ToOffset(TimeSpan.FromHours(5.5)), bob),
            Recovered = new Milestone(T0.AddMinutes(95).AddTicks(7654321).ToOffset(TimeSpan.FromHours(2)), bob, "page:pagerduty:E9"),
            Resolved = new Milestone(T0.AddHours(2), Alice, "13345224609.8534564800.6f8ab1f5"),
            DetectionMethod = "alert from Grafana",
            Impact = "payments fail for EU users",
            UsersAffectedPercent = 12.50m,
            RootCause = "connection pool exhausted",
            Resolution = "rolled back release 4.2",
            Improvements = ["alert on pool saturation", "load test checkout"],
            Tasks = [new IncidentTask("add pool metric", "@bo"), new IncidentTask("write runbook", null)],
            ReopenCount = 2,
            CommandSequence = 17,
            Page = new ScribeBot.Core.Paging.PageLink(
                ScribeBot.Core.Paging.PageSource.Grafana, "fp1@2026-03-02T13:56:00Z", T0.AddMinutes(-4).ToOffset(TimeSpan.FromHours(2)),
                "DiskFull «/var» 💾", "db-1", "https://grafana.example.com/alerting/grafana/fp1/view"),
            PageKeys = ["grafana:fp1@2026-03-02T13:56:00Z", "pagerduty:Q1ABC"],
        };
    }

    protected static TimelineEntry FullEntry(string incidentId, string messageId) => new()
    {
        IncidentId = incidentId,
        MessageId = messageId,
        ThreadId = "1700000000.000001",
        At = T0.AddTicks(9_876_543),
        Author = new Person("U9", "Zoë 山田"),
        Text = "p99 latency is through the roof",
        Permalink = "https://example.slack.com/archives/C1/p1700000000000100",
        Source = EntrySource.Command,
        Marks = [new TagMark(TimelineTag.Detection, "U1"), new TagMark(TimelineTag.RootCause, "U2"), new TagMark(TimelineTag.Detection, "U3")],
        Edits = [new TextRevision("p99 is high", T0.AddMinutes(1)), new TextRevision("p99 is through", T0.AddMinutes(2).ToOffset(TimeSpan.FromHours(-7)))],
        Deleted = true,
    };
}
