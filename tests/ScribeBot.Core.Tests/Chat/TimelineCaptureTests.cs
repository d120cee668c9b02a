using ScribeBot.Core.Chat;
using ScribeBot.Core.Tagging;
using static ScribeBot.Testing.Commands.CommandTestBed;

namespace ScribeBot.Core.Tests.Chat;

public sealed class TimelineCaptureTests : IDisposable
{
    private static readonly Person Carol = new("U3", "Carol");
    private static readonly ChannelRef TeamsChannel = new(ChatPlatform.Teams, "tenant-1", "19:abc@thread.tacv2");

    private readonly CommandTestBed _bed = new();
    private readonly TimelineCapture _capture;

    public TimelineCaptureTests()
    {
        _capture = Capture(ReactionTable.Default);
    }

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task A_message_in_a_channel_with_an_open_incident_becomes_an_entry()
    {
        await _bed.DoAsync("start Checkout down");

        var result = await _capture.RecordAsync(Message("m1", "p99 is through the roof") with { ThreadId = "t0" }, default);

        Assert.Equal(CaptureResult.Recorded, result);
        var entry = await EntryAsync("m1");
        Assert.Equal(Incident1, entry.IncidentId);
        Assert.Equal("m1", entry.MessageId);
        Assert.Equal("t0", entry.ThreadId);
        Assert.Equal(Start.AddMinutes(1), entry.At);
        Assert.Equal(Bob, entry.Author);
        Assert.Equal("p99 is through the roof", entry.Text);
        Assert.Equal("https://example.slack.com/archives/C1/pm1", entry.Permalink);
        Assert.Equal(EntrySource.Message, entry.Source);
        Assert.Empty(entry.Marks);
        Assert.Empty(entry.Edits);
        Assert.False(entry.Deleted);
    }

    [Fact]
    public async Task A_redelivered_message_is_stored_once()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "p99 is through the roof"), default);
        await AssertStoreUnchangedAsync(
            CaptureResult.Duplicate, () => _capture.RecordAsync(Message("m1", "p99 is through the roof"), default));
    }

    [Fact]
    public async Task Thread_replies_keep_their_thread_id()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "root"), default);

        await _capture.RecordAsync(Message("m2", "reply") with { ThreadId = "m1" }, default);

        Assert.Null((await EntryAsync("m1")).ThreadId);
        Assert.Equal("m1", (await EntryAsync("m2")).ThreadId);
    }

    [Fact]
    public async Task The_bots_own_messages_are_not_recorded()
    {
        await _bed.DoAsync("start Checkout down");
        await AssertStoreUnchangedAsync(
            CaptureResult.IgnoredOwnMessage, () => _capture.RecordAsync(Message("m1", "INC-1 declared") with { IsFromSelf = true }, default));
    }

    [Fact]
    public async Task A_channel_without_an_incident_stores_nothing_at_all()
    {
        var result = await _capture.RecordAsync(Message("m1", "just chatting"), default);

        Assert.Equal(CaptureResult.IgnoredNoOpenIncident, result);
        Assert.Equal("[]", await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task A_message_in_another_channel_is_not_added_to_this_channels_incident()
    {
        await _bed.DoAsync("start Checkout down");
        await AssertStoreUnchangedAsync(
            CaptureResult.IgnoredNoOpenIncident, () => _capture.RecordAsync(Message("m1", "lunch?") with { Channel = Channel with { Channel = "C-random" } }, default));
    }

    [Fact]
    public async Task After_resolve_no_new_message_is_captured()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "found it"), default);
        await _bed.DoAsync("resolve");
        var before = await _bed.SnapshotAsync();

        Assert.Equal(CaptureResult.IgnoredNoOpenIncident, await _capture.RecordAsync(Message("m2", "thanks all"), default));
        Assert.Equal(CaptureResult.IgnoredUnknownMessage, await _capture.ReactAsync(new ReactionChange(Channel, "m2", "dart", Carol, Added: true), default));
        Assert.Equal(before, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task After_resolve_recorded_messages_can_still_be_tagged_edited_and_deleted()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "found it"), default);
        await _capture.RecordAsync(Message("m2", "typo"), default);
        await _bed.DoAsync("resolve");

        Assert.Equal(CaptureResult.Updated, await _capture.ReactAsync(new ReactionChange(Channel, "m1", "dart", Carol, Added: true), default));
        Assert.Equal(CaptureResult.Updated, await _capture.EditAsync(new MessageEdit(Channel, "m1", "found it: pool size", Start.AddHours(1)), default));
        Assert.Equal(CaptureResult.Updated, await _capture.DeleteAsync(new MessageDeletion(Channel, "m2", Start.AddHours(1)), default));

        var timeline = await _bed.TimelineAsync();
        var tagged = Assert.Single(timeline, e => e.MessageId == "m1");
        Assert.Equal([TimelineTag.RootCause], tagged.Tags);
        Assert.Equal("found it: pool size", tagged.Text);
        Assert.True(Assert.Single(timeline, e => e.MessageId == "m2").Deleted);
    }

    [Fact]
    public async Task After_resolve_a_message_action_adds_an_earlier_message_but_not_a_later_one()
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(30), "resolve");
        var resolvedAt = _bed.Clock.GetUtcNow();
        var before = Message("m-alert", "[Triggered] 5xx rate > 5%") with { At = Start.AddMinutes(-2) };
        var after = Message("m-late", "all good now") with { At = resolvedAt.AddMinutes(5) };

        Assert.Equal(CaptureResult.Updated, await _capture.TagAsync(new TagRequest(Channel, "m-alert", TimelineTag.Detection, Carol, null, before), default));
        Assert.Equal(CaptureResult.IgnoredUnknownMessage, await _capture.TagAsync(new TagRequest(Channel, "m-late", TimelineTag.Resolution, Carol, null, after), default));

        var timeline = await _bed.TimelineAsync();
        Assert.Contains(timeline, e => e.MessageId == "m-alert" && e.Has(TimelineTag.Detection));
        Assert.DoesNotContain(timeline, e => e.MessageId == "m-late");
    }

    // ---- edits and deletes ----

    [Fact]
    public async Task An_edit_replaces_the_text_and_keeps_the_old_text_with_the_time_of_the_edit()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "p99 is through the roof"), default);
        var firstEdit = Start.AddMinutes(3);
        var secondEdit = Start.AddMinutes(4);

        Assert.Equal(CaptureResult.Updated, await _capture.EditAsync(new MessageEdit(Channel, "m1", "p99 latency is through the roof", firstEdit), default));
        Assert.Equal(CaptureResult.Updated, await _capture.EditAsync(new MessageEdit(Channel, "m1", "p99 latency is 4s", secondEdit), default));

        var entry = await EntryAsync("m1");
        Assert.Equal("p99 latency is 4s", entry.Text);
        Assert.True(entry.IsEdited);
        Assert.Equal(
            [new TextRevision("p99 is through the roof", firstEdit), new TextRevision("p99 latency is through the roof", secondEdit)],
            entry.Edits);
        Assert.Equal(Start.AddMinutes(1), entry.At);
    }

    [Fact]
    public async Task An_edit_with_the_same_text_changes_nothing()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "p99 is through the roof"), default);
        await _capture.EditAsync(new MessageEdit(Channel, "m1", "p99 latency is through the roof", Start.AddMinutes(3)), default);
        await AssertStoreUnchangedAsync(
            CaptureResult.IgnoredNoChange, () => _capture.EditAsync(new MessageEdit(Channel, "m1", "p99 latency is through the roof", Start.AddMinutes(3)), default));
    }

    [Fact]
    public async Task A_redelivered_older_edit_does_not_undo_a_newer_one()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "v1"), default);
        var first = new MessageEdit(Channel, "m1", "v2", Start.AddMinutes(3));
        await _capture.EditAsync(first, default);
        await _capture.EditAsync(new MessageEdit(Channel, "m1", "v3", Start.AddMinutes(4)), default);
        var before = await _bed.SnapshotAsync();

        var result = await _capture.EditAsync(first, default);

        Assert.Equal(CaptureResult.IgnoredNoChange, result);
        Assert.Equal("v3", (await EntryAsync("m1")).Text);
        Assert.Equal(before, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task An_edit_of_a_message_never_recorded_is_ignored()
    {
        await _bed.DoAsync("start Checkout down");
        await AssertStoreUnchangedAsync(
            CaptureResult.IgnoredUnknownMessage, () => _capture.EditAsync(new MessageEdit(Channel, "m-unknown", "text", Start), default));
    }

    [Fact]
    public async Task Delete_marks_the_entry_deleted_and_undelete_clears_it()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "wrong channel, sorry"), default);

        Assert.Equal(CaptureResult.Updated, await _capture.DeleteAsync(new MessageDeletion(Channel, "m1", Start.AddMinutes(2)), default));
        var deleted = await EntryAsync("m1");
        Assert.Equal(CaptureResult.IgnoredNoChange, await _capture.DeleteAsync(new MessageDeletion(Channel, "m1", Start.AddMinutes(2)), default));
        Assert.Equal(CaptureResult.Updated, await _capture.DeleteAsync(new MessageDeletion(Channel, "m1", Start.AddMinutes(3), Undeleted: true), default));

        Assert.True(deleted.Deleted);
        Assert.Equal("wrong channel, sorry", deleted.Text);
        Assert.False((await EntryAsync("m1")).Deleted);
        Assert.Single(await _bed.TimelineAsync(), e => e.MessageId == "m1");
    }

    // ---- reactions ----

    [Fact]
    public async Task A_mapped_slack_reaction_adds_its_tag_and_removing_it_removes_the_tag()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "p99 is through the roof"), default);

        var added = await _capture.ReactAsync(new ReactionChange(Channel, "m1", "rotating_light", Carol, Added: true), default);
        var tagged = await EntryAsync("m1");
        var removed = await _capture.ReactAsync(new ReactionChange(Channel, "m1", "rotating_light", Carol, Added: false), default);

        Assert.Equal(CaptureResult.Updated, added);
        Assert.Equal([new TagMark(TimelineTag.Detection, Carol.Id)], tagged.Marks);
        Assert.Equal([TimelineTag.Detection], tagged.Tags);
        Assert.Equal(CaptureResult.Updated, removed);
        Assert.Empty((await EntryAsync("m1")).Tags);
    }

    [Theory]
    [InlineData("rotating_light", TimelineTag.Detection)]
    [InlineData("hammer_and_wrench", TimelineTag.Action)]
    [InlineData("x", TimelineTag.Misleading)]
    [InlineData("arrow_double_up", TimelineTag.Escalation)]
    [InlineData("dart", TimelineTag.RootCause)]
    [InlineData("white_check_mark", TimelineTag.Resolution)]
    [InlineData("pushpin", TimelineTag.KeyEvent)]
    [InlineData(":pushpin:", TimelineTag.KeyEvent)]
    public async Task Each_default_slack_reaction_gives_its_tag(string reaction, TimelineTag tag)
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "text"), default);

        await _capture.ReactAsync(new ReactionChange(Channel, "m1", reaction, Carol, Added: true), default);

        Assert.Equal([tag], (await EntryAsync("m1")).Tags);
    }

    [Fact]
    public async Task When_two_users_react_and_one_removes_the_tag_stays()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "it's the cert"), default);
        await _capture.ReactAsync(new ReactionChange(Channel, "m1", "dart", Carol, Added: true), default);
        await _capture.ReactAsync(new ReactionChange(Channel, "m1", "dart", Alice, Added: true), default);

        await _capture.ReactAsync(new ReactionChange(Channel, "m1", "dart", Carol, Added: false), default);

        var entry = await EntryAsync("m1");
        Assert.Equal([TimelineTag.RootCause], entry.Tags);
        Assert.Equal([new TagMark(TimelineTag.RootCause, Alice.Id)], entry.Marks);
    }

    [Fact]
    public async Task A_redelivered_reaction_changes_nothing()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "it's the cert"), default);
        await _capture.ReactAsync(new ReactionChange(Channel, "m1", "dart", Carol, Added: true), default);
        await AssertStoreUnchangedAsync(
            CaptureResult.IgnoredNoChange, () => _capture.ReactAsync(new ReactionChange(Channel, "m1", "dart", Carol, Added: true), default));
    }

    [Theory]
    [InlineData("tada")]
    [InlineData("like")]
    [InlineData("heart")]
    public async Task An_unmapped_slack_reaction_is_ignored(string reaction)
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "text"), default);
        await AssertStoreUnchangedAsync(
            CaptureResult.IgnoredUnmappedReaction, () => _capture.ReactAsync(new ReactionChange(Channel, "m1", reaction, Carol, Added: true), default));
    }

    [Fact]
    public async Task A_reaction_on_a_message_never_recorded_is_ignored()
    {
        await _bed.DoAsync("start Checkout down");

        var result = await _capture.ReactAsync(new ReactionChange(Channel, "m-before", "dart", Carol, Added: true), default);

        Assert.Equal(CaptureResult.IgnoredUnknownMessage, result);
    }

    [Theory]
    [InlineData("like", TimelineTag.KeyEvent)]
    [InlineData("heart", TimelineTag.Resolution)]
    [InlineData("surprised", TimelineTag.Detection)]
    [InlineData("angry", TimelineTag.Misleading)]
    public async Task Teams_reactions_map_through_the_teams_table(string reaction, TimelineTag tag)
    {
        var bed = new CommandTestBed();
        var capture = new TimelineCapture(bed.Store, ReactionTable.Default, NullLogger<TimelineCapture>.Instance);
        await bed.DoAsync("start Checkout down", channel: TeamsChannel);
        await capture.RecordAsync(Message("a1", "text") with { Channel = TeamsChannel }, default);

        var result = await capture.ReactAsync(new ReactionChange(TeamsChannel, "a1", reaction, Carol, Added: true), default);

        Assert.Equal(CaptureResult.Updated, result);
        var entry = await bed.Store.GetEntryAsync(Incident.MakeId(TeamsChannel, 1), "a1", default);
        Assert.Equal([tag], entry!.Tags);
    }

    [Fact]
    public void Like_is_a_key_event_on_teams_but_not_mapped_on_slack()
    {
        Assert.True(ReactionTable.Default.TryGetTag(ChatPlatform.Teams, "like", out var teams));
        Assert.Equal(TimelineTag.KeyEvent, teams);
        Assert.False(ReactionTable.Default.TryGetTag(ChatPlatform.Slack, "like", out _));
        Assert.False(ReactionTable.Default.TryGetTag(ChatPlatform.Teams, "pushpin", out _));
    }

    [Fact]
    public async Task A_skin_tone_variant_tags_like_the_base_emoji()
    {
        // Only emoji with skin tones (hands, people) arrive as "name::skin-tone-N"; map one and react with a variant.
        var table = new ReactionTable(new ReactionOptions { Slack = { ["raised_hand"] = "escalation" } });
        var capture = Capture(table);
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "need help from the DB team"), default);

        var result = await capture.ReactAsync(new ReactionChange(Channel, "m1", "raised_hand::skin-tone-3", Carol, Added: true), default);

        Assert.Equal(CaptureResult.Updated, result);
        Assert.Equal([TimelineTag.Escalation], (await EntryAsync("m1")).Tags);
    }

    [Fact]
    public void Configuration_adds_reactions_and_none_switches_a_default_off()
    {
        var table = new ReactionTable(new ReactionOptions
        {
            Slack = { ["eyes"] = "detection", [":pushpin:"] = "none", ["x"] = "Root-Cause" },
            Teams = { ["like"] = "NONE", ["laugh"] = "note" },
        });

        Assert.True(table.TryGetTag(ChatPlatform.Slack, "eyes", out var eyes));
        Assert.Equal(TimelineTag.Detection, eyes);
        Assert.False(table.TryGetTag(ChatPlatform.Slack, "pushpin", out _));
        Assert.True(table.TryGetTag(ChatPlatform.Slack, "x", out var x));
        Assert.Equal(TimelineTag.RootCause, x);
        Assert.True(table.TryGetTag(ChatPlatform.Slack, "dart", out var dart));
        Assert.Equal(TimelineTag.RootCause, dart);
        Assert.False(table.TryGetTag(ChatPlatform.Teams, "like", out _));
        Assert.True(table.TryGetTag(ChatPlatform.Teams, "laugh", out var laugh));
        Assert.Equal(TimelineTag.Note, laugh);
        Assert.False(table.TryGetTag(ChatPlatform.Teams, "eyes", out _));
    }

    [Fact]
    public void An_invalid_tag_name_in_configuration_throws_naming_the_key_and_the_value()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new ReactionTable(new ReactionOptions { Slack = { ["eyes"] = "sighting" } }));

        Assert.Contains("Scribe:Reactions:Slack:eyes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'sighting'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("root-cause", ex.Message, StringComparison.Ordinal);
    }

    // ---- message action ("Add to incident timeline") ----

    [Fact]
    public async Task A_tag_request_tags_an_existing_entry()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "rolled back"), default);

        var result = await _capture.TagAsync(new TagRequest(Channel, "m1", TimelineTag.Action, Carol, Note: null, Original: null), default);

        Assert.Equal(CaptureResult.Updated, result);
        Assert.Equal([new TagMark(TimelineTag.Action, Carol.Id)], (await EntryAsync("m1")).Marks);
        Assert.Single(await _bed.TimelineAsync(), e => e.Source == EntrySource.Message);
    }

    [Fact]
    public async Task A_tag_request_adds_a_message_from_before_the_incident_from_its_original()
    {
        await _bed.DoAsync("start Checkout down");
        var alert = Message("m0", "[FIRING] checkout 5xx > 5%") with { At = Start.AddMinutes(-7), Author = new Person("B1", "PagerDuty") };

        var result = await _capture.TagAsync(new TagRequest(Channel, "m0", TimelineTag.Detection, Carol, Note: null, alert), default);

        Assert.Equal(CaptureResult.Updated, result);
        var entry = await EntryAsync("m0");
        Assert.Equal("[FIRING] checkout 5xx > 5%", entry.Text);
        Assert.Equal(Start.AddMinutes(-7), entry.At);
        Assert.Equal("PagerDuty", entry.Author.DisplayName);
        Assert.Equal([new TagMark(TimelineTag.Detection, Carol.Id)], entry.Marks);
        Assert.Equal("m0", (await _bed.TimelineAsync())[0].MessageId);
    }

    [Fact]
    public async Task A_tag_request_for_an_unknown_message_without_a_matching_original_is_ignored()
    {
        await _bed.DoAsync("start Checkout down");
        var before = await _bed.SnapshotAsync();

        var noOriginal = await _capture.TagAsync(new TagRequest(Channel, "m0", TimelineTag.Detection, Carol, null, null), default);
        var otherMessage = await _capture.TagAsync(new TagRequest(Channel, "m0", TimelineTag.Detection, Carol, null, Message("m9", "x")), default);
        var otherChannel = await _capture.TagAsync(
            new TagRequest(Channel, "m0", TimelineTag.Detection, Carol, null, Message("m0", "x") with { Channel = Channel with { Channel = "C9" } }), default);

        Assert.Equal(CaptureResult.IgnoredUnknownMessage, noOriginal);
        Assert.Equal(CaptureResult.IgnoredUnknownMessage, otherMessage);
        Assert.Equal(CaptureResult.IgnoredUnknownMessage, otherChannel);
        Assert.Equal(before, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task A_tag_request_without_an_open_incident_is_ignored()
    {
        var result = await _capture.TagAsync(new TagRequest(Channel, "m0", TimelineTag.Detection, Carol, "note", Message("m0", "alert")), default);

        Assert.Equal(CaptureResult.IgnoredNoOpenIncident, result);
        Assert.Equal("[]", await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task A_tag_note_is_stored_once_right_after_the_message_even_if_submitted_twice()
    {
        await _bed.DoAsync("start Checkout down");
        await _capture.RecordAsync(Message("m1", "restarted the pods"), default);
        await _capture.RecordAsync(Message("m2", "later message") with { At = Start.AddMinutes(2) }, default);
        var request = new TagRequest(Channel, "m1", TimelineTag.Action, Carol, "  first mitigation  ", null);

        await _capture.TagAsync(request, default);
        var afterFirst = await _bed.SnapshotAsync();
        await _capture.TagAsync(request, default);

        Assert.Equal(afterFirst, await _bed.SnapshotAsync());
        var timeline = await _bed.TimelineAsync();
        var notes = timeline.Where(e => e.Text == "first mitigation").ToArray();
        var note = Assert.Single(notes);
        Assert.Equal("m1/note/U3", note.MessageId);
        Assert.Equal(Carol, note.Author);
        Assert.Equal(Start.AddMinutes(1), note.At);
        Assert.Equal([TimelineTag.Action], note.Tags);
        Assert.Equal(["m1", "m1/note/U3", "m2"], timeline.Where(e => e.Source == EntrySource.Message || e.MessageId.Contains('/', StringComparison.Ordinal)).Select(e => e.MessageId));
    }

    private const string Incident1 = "slack:T1:1";

    private TimelineCapture Capture(ReactionTable table) => new(_bed.Store, table, NullLogger<TimelineCapture>.Instance);

    private async Task<TimelineEntry> EntryAsync(string messageId) =>
        await _bed.Store.GetEntryAsync(Incident1, messageId, default) ?? throw new InvalidOperationException($"no entry {messageId}");

    /// <summary>Runs <paramref name="act"/>, checks what it answered, and that the store holds what it held before.</summary>
    private async Task AssertStoreUnchangedAsync(CaptureResult expected, Func<Task<CaptureResult>> act)
    {
        var before = await _bed.SnapshotAsync();

        var result = await act();

        Assert.Equal(expected, result);
        Assert.Equal(before, await _bed.SnapshotAsync());
    }

    private static ChatMessage Message(string id, string text) => new()
    {
        Channel = Channel,
        MessageId = id,
        At = Start.AddMinutes(1),
        Author = Bob,
        Text = text,
        Permalink = $"https://example.slack.com/archives/C1/p{id}",
    };
}
