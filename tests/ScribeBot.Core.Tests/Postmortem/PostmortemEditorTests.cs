using ScribeBot.Core.Postmortem.Editing;
using static ScribeBot.Testing.Commands.CommandTestBed;

namespace ScribeBot.Core.Tests.Postmortem;

public sealed class PostmortemEditorTests : IDisposable
{
    private static readonly Person Editor = Carol;

    private readonly CommandTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    private static string IncidentId => Incident.MakeId(Channel, 1);

    // ---- saving ----

    [Fact]
    public async Task Save_stores_each_changed_field_with_one_history_entry_by_the_editor()
    {
        var before = await _bed.ResolvedIncidentAsync();
        var edit = PostmortemEdit.From(before) with
        {
            Impact = "Checkout failed for card payments",
            UsersAffectedPercent = 12.5m,
            RootCause = "A deploy halved the connection pool",
        };

        var result = await _bed.SaveAsync(edit);

        Assert.Equal(PostmortemEditStatus.Saved, result.Status);
        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        Assert.Equal([PostmortemFields.Impact, PostmortemFields.UsersAffectedPercent, PostmortemFields.RootCause], result.ChangedFields);
        var stored = await _bed.IncidentAsync();
        Assert.Equal(result.Incident, stored);
        Assert.Equal("Checkout failed for card payments", stored.Impact);
        Assert.Equal(12.5m, stored.UsersAffectedPercent);
        Assert.Equal("A deploy halved the connection pool", stored.RootCause);
        Assert.Equal(before.Resolution, stored.Resolution);
        Assert.Equal(before.CommandSequence + 3, stored.CommandSequence);

        var history = await _bed.HistoryAsync();
        Assert.Equal(
            ["Impact edited in the dashboard", "Users affected edited in the dashboard", "Root cause edited in the dashboard"],
            history.Select(e => e.Text));
        Assert.All(history, e =>
        {
            Assert.Equal(EntrySource.Command, e.Source);
            Assert.Equal(Editor, e.Author);
            Assert.Equal(_bed.Clock.GetUtcNow(), e.At);
            Assert.Empty(e.Marks);
            Assert.StartsWith("dashboard/edit/", e.MessageId, StringComparison.Ordinal);
        });
        Assert.Equal(3, history.Select(e => e.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Two_saves_of_the_same_field_keep_both_history_entries()
    {
        var incident = await _bed.ResolvedIncidentAsync();

        await _bed.SaveAsync(PostmortemEdit.From(incident) with { Impact = "first" });
        await _bed.SaveAsync(PostmortemEdit.From(await _bed.IncidentAsync()) with { Impact = "second" });

        Assert.Equal(["Impact edited in the dashboard", "Impact edited in the dashboard"], (await _bed.HistoryAsync()).Select(e => e.Text));
        Assert.Equal("second", (await _bed.IncidentAsync()).Impact);
    }

    [Fact]
    public async Task Saving_the_values_already_stored_changes_nothing()
    {
        var incident = await _bed.ResolvedIncidentAsync();
        var snapshot = await _bed.SnapshotAsync();

        // The form sends what it showed, with Windows line endings and padding from the text areas.
        var result = await _bed.SaveAsync(PostmortemEdit.From(incident) with { RootCause = " connection pool exhausted\r\n" });

        Assert.Equal(PostmortemEditStatus.Unchanged, result.Status);
        Assert.True(result.Succeeded);
        Assert.Empty(result.ChangedFields);
        Assert.Equal(snapshot, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task A_multi_line_improvement_typed_by_command_shows_on_one_line_and_an_untouched_form_keeps_it()
    {
        await _bed.ResolvedIncidentAsync();
        await _bed.DoAsync("improve Alert on pool saturation\nand page the owner");
        await _bed.DoAsync("todo Raise the pool\nsize @bo");
        var snapshot = await _bed.SnapshotAsync();

        var shown = PostmortemEdit.From(await _bed.IncidentAsync());
        var result = await _bed.SaveAsync(shown with { Improvements = [.. shown.Improvements], Tasks = [.. shown.Tasks] });

        Assert.Equal(["Alert on pool saturation and page the owner"], shown.Improvements);
        Assert.Equal([new IncidentTask("Raise the pool size", "bo") { Number = 1 }], shown.Tasks);
        Assert.Equal(PostmortemEditStatus.Unchanged, result.Status);
        Assert.Equal(snapshot, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task An_unknown_incident_is_not_found()
    {
        await _bed.ResolvedIncidentAsync();

        var result = await _bed.Editor.SaveAsync("slack:T1:99", new PostmortemEdit { Impact = "x" }, Editor, CancellationToken.None);

        Assert.Equal(PostmortemEditStatus.NotFound, result.Status);
        Assert.False(result.Succeeded);
        Assert.Null(result.Incident);
    }

    // ---- validation ----

    [Fact]
    public async Task Out_of_range_percentage_and_too_long_root_cause_store_nothing_and_are_named_per_field()
    {
        var incident = await _bed.ResolvedIncidentAsync();
        var snapshot = await _bed.SnapshotAsync();

        var result = await _bed.SaveAsync(PostmortemEdit.From(incident) with
        {
            Impact = "valid on its own",
            UsersAffectedPercent = 150,
            RootCause = new string('x', 4000),
        });

        Assert.Equal(PostmortemEditStatus.Invalid, result.Status);
        Assert.False(result.Succeeded);
        Assert.Equal([PostmortemFields.RootCause, PostmortemFields.UsersAffectedPercent], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("'150' is not a percentage between 0 and 100.", Assert.Single(result.Errors[PostmortemFields.UsersAffectedPercent]));
        Assert.StartsWith("The root cause is 4000 characters long; the limit is 3000.", Assert.Single(result.Errors[PostmortemFields.RootCause]), StringComparison.Ordinal);
        Assert.Equal(snapshot, await _bed.SnapshotAsync());
        // The form keeps what the person typed, so nothing is lost on the way back to them.
        Assert.Equal("valid on its own", result.Form!.Impact);
        Assert.Equal(150, result.Form.UsersAffectedPercent);
    }

    [Theory]
    [InlineData(-1, "'-1' is not a percentage between 0 and 100.")]
    [InlineData(100.5, "'100.5' is not a percentage between 0 and 100.")]
    public async Task A_percentage_must_be_between_0_and_100(decimal percent, string error)
    {
        await _bed.ResolvedIncidentAsync();

        var result = await _bed.SaveAsync(new PostmortemEdit { UsersAffectedPercent = percent });

        Assert.Equal(error, Assert.Single(result.Errors[PostmortemFields.UsersAffectedPercent]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public async Task The_bounds_are_valid_percentages(decimal percent)
    {
        var incident = await _bed.ResolvedIncidentAsync();

        var result = await _bed.SaveAsync(PostmortemEdit.From(incident) with { UsersAffectedPercent = percent });

        Assert.Equal(PostmortemEditStatus.Saved, result.Status);
        Assert.Equal(percent, (await _bed.IncidentAsync()).UsersAffectedPercent);
    }

    [Fact]
    public async Task Texts_at_the_command_limit_are_accepted_one_more_character_is_not()
    {
        var incident = await _bed.ResolvedIncidentAsync();

        var atLimit = await _bed.SaveAsync(PostmortemEdit.From(incident) with { Resolution = new string('r', CommandParser.MaxTextLength) });
        var over = await _bed.SaveAsync(PostmortemEdit.From(await _bed.IncidentAsync()) with { DetectionMethod = new string('d', CommandParser.MaxTextLength + 1) });

        Assert.Equal(PostmortemEditStatus.Saved, atLimit.Status);
        Assert.StartsWith("The detection method is 3001 characters long; the limit is 3000.", Assert.Single(over.Errors[PostmortemFields.DetectionMethod]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_50_improvements_or_tasks_are_refused()
    {
        var incident = await _bed.ResolvedIncidentAsync();
        var snapshot = await _bed.SnapshotAsync();

        var result = await _bed.SaveAsync(PostmortemEdit.From(incident) with
        {
            Improvements = Enumerable.Range(1, 51).Select(i => $"measure {i}").ToArray(),
            Tasks = Enumerable.Range(1, 51).Select(i => new IncidentTask($"task {i}", null)).ToArray(),
        });

        Assert.StartsWith("That is 51 improvements; the limit is 50.", Assert.Single(result.Errors[PostmortemFields.Improvements]), StringComparison.Ordinal);
        Assert.StartsWith("That is 51 tasks; the limit is 50.", Assert.Single(result.Errors[PostmortemFields.Tasks]), StringComparison.Ordinal);
        Assert.Equal(snapshot, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task Fifty_improvements_and_tasks_are_accepted()
    {
        var incident = await _bed.ResolvedIncidentAsync();

        var result = await _bed.SaveAsync(PostmortemEdit.From(incident) with
        {
            Improvements = Enumerable.Range(1, 50).Select(i => $"measure {i}").ToArray(),
            Tasks = Enumerable.Range(1, 50).Select(i => new IncidentTask($"task {i}", null)).ToArray(),
        });

        Assert.Equal(PostmortemEditStatus.Saved, result.Status);
        Assert.Equal(50, (await _bed.IncidentAsync()).Tasks.Count);
    }

    [Fact]
    public async Task List_lines_that_are_empty_too_long_or_repeated_are_named_by_number()
    {
        var incident = await _bed.ResolvedIncidentAsync();

        var result = await _bed.SaveAsync(PostmortemEdit.From(incident) with
        {
            Improvements = ["Alert on saturation", " ", new string('i', 3001), "Alert on saturation"],
            Tasks = [new IncidentTask("  ", "@bo"), new IncidentTask("", null), new IncidentTask("Raise the pool", "bo"), new IncidentTask("Raise the pool", "@bo")],
        });

        Assert.Equal(
            ["Improvement 2 is empty: write the measure, or remove the line.", "Improvement 3 is 3001 characters long; the limit is 3000.", "Improvement 4 repeats improvement 1."],
            result.Errors[PostmortemFields.Improvements]);
        Assert.Equal(
            ["Task 1 has an owner (bo) but no text: say what needs doing.", "Task 2 has no text: say what needs doing.", "Task 4 repeats task 3."],
            result.Errors[PostmortemFields.Tasks]);
    }

    [Fact]
    public async Task A_list_with_many_bad_lines_names_the_first_five()
    {
        var incident = await _bed.ResolvedIncidentAsync();

        var result = await _bed.SaveAsync(PostmortemEdit.From(incident) with { Tasks = Enumerable.Range(0, 8).Select(_ => new IncidentTask("", null)).ToArray() });

        var errors = result.Errors[PostmortemFields.Tasks];
        Assert.Equal(6, errors.Count);
        Assert.Equal("3 more lines have problems.", errors[^1]);
    }

    [Fact]
    public async Task A_field_left_as_it_was_is_not_validated_again()
    {
        // 51 improvements, stored before the commands kept to the limit too; editing the root cause must still be possible.
        var resolved = await _bed.ResolvedIncidentAsync();
        var measures = Enumerable.Range(1, 51).Select(i => $"measure {i}").ToArray();
        await _bed.Store.SaveIncidentAsync(resolved with { Improvements = measures }, [], [], CancellationToken.None);

        var result = await _bed.SaveAsync(PostmortemEdit.From(await _bed.IncidentAsync()) with { RootCause = "pool too small" });

        Assert.Equal(PostmortemEditStatus.Saved, result.Status);
        Assert.Equal([PostmortemFields.RootCause], result.ChangedFields);
    }

    // ---- concurrency with commands ----

    [Fact]
    public async Task A_field_changed_by_a_command_after_the_form_was_opened_is_kept_when_the_person_left_it_alone()
    {
        var opened = PostmortemEdit.From(await _bed.ResolvedIncidentAsync());
        await _bed.DoAsync("rootcause the pool was halved by a config change");
        await _bed.DoAsync("todo Raise the pool size @bo");

        var result = await _bed.SaveAsync(opened with { Impact = "Card payments failed" });

        Assert.Equal([PostmortemFields.Impact], result.ChangedFields);
        var stored = await _bed.IncidentAsync();
        Assert.Equal("Card payments failed", stored.Impact);
        Assert.Equal("the pool was halved by a config change", stored.RootCause);
        Assert.Equal([new IncidentTask("Raise the pool size", "bo") { Number = 1 }], stored.Tasks);
    }

    [Fact]
    public async Task A_field_changed_both_by_a_command_and_by_the_person_is_a_conflict_until_saved_again()
    {
        var opened = PostmortemEdit.From(await _bed.ResolvedIncidentAsync());
        await _bed.DoAsync("rootcause the pool was halved by a config change");
        var snapshot = await _bed.SnapshotAsync();

        var first = await _bed.SaveAsync(opened with { RootCause = "my version", Impact = "Card payments failed" });

        Assert.Equal(PostmortemEditStatus.Invalid, first.Status);
        Assert.StartsWith("Root cause was changed elsewhere", Assert.Single(first.Errors[PostmortemFields.RootCause]), StringComparison.Ordinal);
        Assert.Equal([PostmortemFields.RootCause], first.Errors.Keys);
        Assert.Equal(snapshot, await _bed.SnapshotAsync());
        Assert.Equal("my version", first.Form!.RootCause);
        Assert.Equal("Card payments failed", first.Form.Impact);

        var second = await _bed.SaveAsync(first.Form);

        Assert.Equal(PostmortemEditStatus.Saved, second.Status);
        Assert.Equal("my version", (await _bed.IncidentAsync()).RootCause);
    }

    [Fact]
    public async Task Without_a_basis_every_field_is_replaced()
    {
        await _bed.ResolvedIncidentAsync();

        var result = await _bed.SaveAsync(new PostmortemEdit { Impact = "only this" });

        var stored = await _bed.IncidentAsync();
        Assert.Equal("only this", stored.Impact);
        Assert.Null(stored.RootCause);
        Assert.Contains(PostmortemFields.RootCause, result.ChangedFields);
    }

    [Fact]
    public async Task The_editor_and_commands_take_the_same_channel_lock()
    {
        var incident = await _bed.ResolvedIncidentAsync();
        Task<CommandOutcome> command;
        Task<PostmortemEditResult> save;
        await using (await _bed.Locks.AcquireAsync(Channel.Key, CancellationToken.None))
        {
            save = _bed.SaveAsync(PostmortemEdit.From(incident) with { Impact = "Card payments failed" });
            command = _bed.SendAsync("severity sev1");
            Assert.False(save.IsCompleted);
            Assert.False(command.IsCompleted);
        }

        await Task.WhenAll(save, command);
        var stored = await _bed.IncidentAsync();
        Assert.Equal("Card payments failed", stored.Impact);
        Assert.Equal(Severity.Sev1, stored.Severity);
    }

    [Fact]
    public async Task A_save_waiting_for_the_lock_reads_the_incident_again_and_keeps_what_a_command_stored_meanwhile()
    {
        var incident = await _bed.ResolvedIncidentAsync();
        // A handler with locks of its own stands for a command that finished while the save waited for the lock.
        var other = new CommandHandler(_bed.Store, _bed.Store, _bed.Signal, new ChannelLocks(), _bed.Clock,
            Options.Create(new ScribeOptions()), NullLogger<CommandHandler>.Instance);
        Task<PostmortemEditResult> save;
        await using (await _bed.Locks.AcquireAsync(Channel.Key, CancellationToken.None))
        {
            save = _bed.SaveAsync(PostmortemEdit.From(incident) with { Impact = "Card payments failed" });
            Assert.True((await other.HandleAsync(_bed.Request("severity sev1", requestId: "sev-1"), CancellationToken.None)).Accepted);
        }

        await save;
        var stored = await _bed.IncidentAsync();
        Assert.Equal(Severity.Sev1, stored.Severity);
        Assert.Equal("Card payments failed", stored.Impact);
        Assert.NotNull(await _bed.Store.GetEntryAsync(IncidentId, "sev-1", CancellationToken.None));
        Assert.Equal(incident.CommandSequence + 2, stored.CommandSequence);
    }

    // ---- the draft ----

    [Fact]
    public async Task History_entries_are_in_the_incident_record_but_not_in_the_drafts_timeline_diagram_or_transcript()
    {
        var incident = await _bed.ResolvedIncidentAsync();
        var before = PostmortemDraft.Build(incident, await _bed.TimelineAsync());

        await _bed.SaveAsync(PostmortemEdit.From(incident) with { Impact = "Card payments failed", Improvements = ["Alert on saturation"] });
        await _bed.Editor.PostToChannelAsync(IncidentId, Editor, "post-1", CancellationToken.None);
        var entries = await _bed.TimelineAsync();
        var after = PostmortemDraft.Build(await _bed.IncidentAsync(), entries);

        Assert.Equal(3, entries.Count(PostmortemHistory.IsHistory));
        string Timeline(PostmortemDocument d) => PostmortemMarkdown.RenderSection(d.Sections.Single(s => s.Heading == PostmortemHeadings.Timeline));
        Assert.Equal(Timeline(before), Timeline(after));
        Assert.Equal(MermaidGantt.Render(before.Diagram), MermaidGantt.Render(after.Diagram));
        Assert.Equal(before.Transcript.Lines, after.Transcript.Lines);
        Assert.Equal(
            PostmortemMarkdown.RenderSection(PostmortemDraft.BuildTimeline(incident, entries.Where(e => !PostmortemHistory.IsHistory(e)).ToArray())),
            PostmortemMarkdown.RenderSection(PostmortemDraft.BuildTimeline(incident, entries)));
        var markdown = PostmortemMarkdown.Render(after);
        Assert.Contains("Card payments failed", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("in the dashboard", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_dashboard_command_entries_count_as_history()
    {
        TimelineEntry Entry(string id, EntrySource source) => new()
        {
            IncidentId = IncidentId, MessageId = id, At = Start, Author = Alice, Text = "x", Source = source,
        };

        Assert.True(PostmortemHistory.IsHistory(Entry("dashboard/edit/3/Impact", EntrySource.Command)));
        Assert.False(PostmortemHistory.IsHistory(Entry("dashboard/edit/3/Impact", EntrySource.Message)));
        Assert.False(PostmortemHistory.IsHistory(Entry("1712345678.000100", EntrySource.Command)));
    }

    // ---- post to channel ----

    [Fact]
    public async Task Post_to_channel_enqueues_the_draft_once_per_request_id_and_wakes_the_dispatcher()
    {
        await _bed.ResolvedIncidentAsync();
        await _bed.Signal.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)); // consume the resolve's wake-up
        var pending = (await _bed.Store.CountPendingAsync(CancellationToken.None))[ChatPlatform.Slack];

        Assert.True(await _bed.Editor.PostToChannelAsync(IncidentId, Editor, "form-1", CancellationToken.None));
        Assert.True(await _bed.Editor.PostToChannelAsync(IncidentId, Editor, "form-1", CancellationToken.None));

        Assert.Equal(pending + 1, (await _bed.Store.CountPendingAsync(CancellationToken.None))[ChatPlatform.Slack]);
        var item = await _bed.Store.GetAsync(PostmortemEditor.PostItemId(Channel, "form-1"), CancellationToken.None);
        Assert.NotNull(item);
        Assert.Equal(new PostmortemPost(Channel, IncidentId), item.Post);
        Assert.Equal(IncidentId, item.IncidentId);
        Assert.Equal(_bed.Clock.GetUtcNow(), item.NextAttemptAt);
        var entry = Assert.Single(await _bed.HistoryAsync());
        Assert.Equal("Postmortem draft posted to the channel from the dashboard", entry.Text);
        Assert.Equal(Editor, entry.Author);
        await _bed.Signal.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(await _bed.Editor.PostToChannelAsync(IncidentId, Editor, "form-2", CancellationToken.None));
        Assert.Equal(pending + 2, (await _bed.Store.CountPendingAsync(CancellationToken.None))[ChatPlatform.Slack]);
    }

    [Fact]
    public async Task Post_to_channel_of_an_unknown_incident_answers_false_and_enqueues_nothing()
    {
        await _bed.ResolvedIncidentAsync();
        var snapshot = await _bed.SnapshotAsync();

        Assert.False(await _bed.Editor.PostToChannelAsync("slack:T1:42", Editor, "form-1", CancellationToken.None));

        Assert.Null(await _bed.Store.GetAsync(PostmortemEditor.PostItemId(Channel, "form-1"), CancellationToken.None));
        Assert.Equal(snapshot, await _bed.SnapshotAsync());
    }
}
