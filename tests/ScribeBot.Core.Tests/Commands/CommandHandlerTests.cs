using ScribeBot.Core.Metrics;
using ScribeBot.Core.Paging;
using SamplePages = ScribeBot.Core.Tests.Paging.Pages;
using static ScribeBot.Testing.Commands.CommandTestBed;

namespace ScribeBot.Core.Tests.Commands;

public sealed partial class CommandHandlerTests : IDisposable
{
    private readonly CommandTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    // ---- what each verb does ----

    [Fact]
    public async Task Start_opens_INC_1_with_title_severity_commander_and_a_declared_entry_and_announces_it()
    {
        var outcome = await _bed.SendAsync("start Checkout returns 502 sev2", requestId: "start-1");

        Assert.True(outcome.Accepted);
        Assert.Equal(string.Empty, outcome.Reply.ToPlainString());
        var post = Assert.IsType<AnnouncementPost>(Assert.Single(outcome.Posts));
        Assert.Equal(Channel, post.Channel);
        Assert.StartsWith("INC-1 declared: Checkout returns 502 (SEV2, commander Alice)", post.Text.ToPlainString(), StringComparison.Ordinal);

        var incident = await _bed.IncidentAsync();
        Assert.Equal(outcome.Incident, incident);
        Assert.Equal(1, incident.Number);
        Assert.Equal("INC-1", incident.DisplayId);
        Assert.Equal(Channel, incident.Channel);
        Assert.Equal("Checkout returns 502", incident.Title);
        Assert.Equal(Severity.Sev2, incident.Severity);
        Assert.Equal(IncidentStatus.Triggered, incident.Status);
        Assert.Equal(Alice, incident.Commander);
        Assert.Equal("UTC", incident.TimeZoneId);
        Assert.Equal(new Milestone(Start, Alice, "start-1"), incident.Declared);
        Assert.Null(incident.Acknowledged);
        Assert.Null(incident.Resolved);

        var entry = Assert.Single(await _bed.TimelineAsync());
        Assert.Equal(incident.Id, entry.IncidentId);
        Assert.Equal("start-1", entry.MessageId);
        Assert.Equal(Start, entry.At);
        Assert.Equal(Alice, entry.Author);
        Assert.Equal("Incident declared: Checkout returns 502 (SEV2)", entry.Text);
        Assert.Equal(EntrySource.Command, entry.Source);
        Assert.Equal([TimelineTag.KeyEvent], entry.Tags);
        Assert.Equal("https://example.slack.com/archives/C1/p1", entry.Permalink);
    }

    [Fact]
    public async Task Start_without_severity_is_sev3_and_uses_the_configured_time_zone()
    {
        var bed = new CommandTestBed("Europe/Berlin");

        await bed.DoAsync("start Login is slow");

        var incident = await bed.IncidentAsync();
        Assert.Equal(Severity.Sev3, incident.Severity);
        Assert.Equal("Europe/Berlin", incident.TimeZoneId);
    }

    [Fact]
    public async Task Ack_sets_acknowledged_and_status_and_announces_the_time_to_acknowledge()
    {
        var (outcome, incident) = await BobRunsAfterStartAsync(TimeSpan.FromMinutes(2), "ack");

        Assert.Equal(IncidentStatus.Acknowledged, incident.Status);
        Assert.Equal(new Milestone(Start.AddMinutes(2), Bob, "req-2"), incident.Acknowledged);
        Assert.Equal(TimeSpan.FromMinutes(2), IncidentDurations.TimeToAcknowledge(incident));
        Assert.Equal("INC-1 acknowledged by Bob, 2 minutes after it was declared.", Announced(outcome));
        await _bed.AssertLastEntryAsync("Acknowledged by Bob", TimelineTag.KeyEvent, Bob, Start.AddMinutes(2));
    }

    [Fact]
    public async Task Detected_with_a_time_records_the_method_and_the_typed_instant()
    {
        var (outcome, incident) = await BobRunsAfterStartAsync(TimeSpan.FromMinutes(10), "detected PagerDuty alert at 13:55");

        var at = Start.AddMinutes(-5);
        Assert.Equal("PagerDuty alert", incident.DetectionMethod);
        Assert.Equal(new Milestone(at, Bob, "req-2"), incident.Detected);
        Assert.Equal("Recorded detection at 13:55 UTC on INC-1.", outcome.Reply.ToPlainString());
        Assert.Empty(outcome.Posts);
        await _bed.AssertLastEntryAsync("Detected: PagerDuty alert", TimelineTag.Detection, Bob, at);
    }

    [Fact]
    public async Task Detected_without_a_time_is_dated_at_the_declaration()
    {
        await _bed.DoAsync("start Checkout down");
        _bed.Clock.Advance(TimeSpan.FromMinutes(10));

        await _bed.DoAsync("detected customer tweets");

        var incident = await _bed.IncidentAsync();
        Assert.Equal("customer tweets", incident.DetectionMethod);
        Assert.Equal(Start, incident.Detected!.At);
        await _bed.AssertLastEntryAsync("Detected: customer tweets", TimelineTag.Detection, Alice, Start);
    }

    [Fact]
    public async Task Began_records_when_impact_began_as_a_key_event_at_that_time()
    {
        await _bed.DoAsync("start Checkout down");

        var outcome = await _bed.DoAsync("began 13:40");

        var at = Start.AddMinutes(-20);
        Assert.Equal(new Milestone(at, Alice, "req-2"), (await _bed.IncidentAsync()).ImpactBegan);
        Assert.Equal("Recorded that impact began at 13:40 UTC on INC-1.", outcome.Reply.ToPlainString());
        await _bed.AssertLastEntryAsync("Impact began", TimelineTag.KeyEvent, Alice, at);
        Assert.Equal(_bed.LastRequestId, (await _bed.TimelineAsync())[0].MessageId);
    }

    [Fact]
    public async Task Update_is_announced_in_the_channel_and_kept_as_a_key_event()
    {
        await _bed.DoAsync("start Checkout down");

        var outcome = await _bed.DoAsync("update rolling back v42", Bob);

        Assert.Equal(string.Empty, outcome.Reply.ToPlainString());
        Assert.Equal("Status update (INC-1): rolling back v42", Announced(outcome));
        await _bed.AssertLastEntryAsync("Status update: rolling back v42", TimelineTag.KeyEvent, Bob, Start);
    }

    [Theory]
    [InlineData("misleading suspected the CDN", TimelineTag.Misleading, "Recorded misleading path on INC-1.")]
    [InlineData("action restarted pods", TimelineTag.Action, "Recorded action on INC-1.")]
    [InlineData("note graphs lag by 5 minutes", TimelineTag.Note, "Recorded note on INC-1.")]
    public async Task Event_verbs_record_a_tagged_entry_and_answer_only_the_caller(string command, TimelineTag tag, string reply)
    {
        await _bed.DoAsync("start Checkout down");

        var outcome = await _bed.DoAsync(command, Bob);

        Assert.Equal(reply, outcome.Reply.ToPlainString());
        Assert.Empty(outcome.Posts);
        await _bed.AssertLastEntryAsync(command[(command.IndexOf(' ', StringComparison.Ordinal) + 1)..], tag, Bob, Start);
    }

    [Fact]
    public async Task Commands_in_the_same_second_as_the_start_each_keep_their_own_timeline_line()
    {
        // Slack's request timestamps are whole seconds: start, escalate and rootcause can share an instant and author.
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAsync("escalate @dana database on-call");
        await _bed.DoAsync("resolve");

        var draft = await _bed.DraftMarkdownAsync();

        TextAssert.ContainsAll(draft, "**Escalation** - Alice: Escalated to dana: database on-call", "**Declared** - Alice", "**Resolved** - Alice");
    }

    [Fact]
    public async Task Impact_sets_the_impact_text_without_a_timeline_entry()
    {
        await _bed.DoAsync("start Checkout down");

        var outcome = await _bed.DoAsync("impact EU customers cannot pay");

        Assert.Equal("EU customers cannot pay", (await _bed.IncidentAsync()).Impact);
        Assert.Equal("Recorded the impact of INC-1.", outcome.Reply.ToPlainString());
        Assert.Null(await _bed.Store.GetEntryAsync(Incident.MakeId(CommandTestBed.Channel, 1), _bed.LastRequestId, CancellationToken.None));
    }

    [Fact]
    public async Task Users_sets_the_share_of_users_affected()
    {
        await _bed.DoAsync("start Checkout down");

        var outcome = await _bed.DoAsync("users 12.5%");

        Assert.Equal(12.5m, (await _bed.IncidentAsync()).UsersAffectedPercent);
        Assert.Equal("Recorded 12.5% of users affected on INC-1.", outcome.Reply.ToPlainString());
        Assert.Null(await _bed.Store.GetEntryAsync(Incident.MakeId(CommandTestBed.Channel, 1), _bed.LastRequestId, CancellationToken.None));
    }

    [Fact]
    public async Task Rootcause_and_resolution_set_their_fields_with_tagged_entries()
    {
        await _bed.DoAsync("start Checkout down");

        await _bed.DoAsync("rootcause expired TLS certificate");
        var rootCauseEntry = await _bed.EntryAsync(_bed.LastRequestId);
        await _bed.DoAsync("resolution renewed the certificate");
        var resolutionEntry = await _bed.EntryAsync(_bed.LastRequestId);

        var incident = await _bed.IncidentAsync();
        Assert.Equal("expired TLS certificate", incident.RootCause);
        Assert.Equal("renewed the certificate", incident.Resolution);
        Assert.True(incident.IsOpen);
        AssertEntry(rootCauseEntry, "Root cause: expired TLS certificate", TimelineTag.RootCause, Alice, Start);
        AssertEntry(resolutionEntry, "Resolution: renewed the certificate", TimelineTag.Resolution, Alice, Start);
    }

    [Fact]
    public async Task Improve_and_todo_add_to_the_lists_without_timeline_entries()
    {
        await _bed.DoAsync("start Checkout down");
        var before = await _bed.TimelineAsync();

        var improve = await _bed.DoAsync("improve alert on certificate expiry");
        var todoWithOwner = await _bed.DoAsync("todo add alert on p99 @alice");
        var todo = await _bed.DoAsync("task fix it");

        var incident = await _bed.IncidentAsync();
        Assert.Equal(["alert on certificate expiry"], incident.Improvements);
        Assert.Equal([new IncidentTask("add alert on p99", "alice") { Number = 1 }, new IncidentTask("fix it", null) { Number = 2 }], incident.Tasks);
        Assert.Equal("Added improvement 1 to INC-1.", improve.Reply.ToPlainString());
        Assert.Equal("Added task 1 to INC-1, owned by alice.", todoWithOwner.Reply.ToPlainString());
        Assert.Equal("Added task 2 to INC-1.", todo.Reply.ToPlainString());
        Assert.Equal(before, await _bed.TimelineAsync());
    }

    [Fact]
    public async Task Severity_change_is_announced_and_kept_as_a_key_event()
    {
        await _bed.DoAsync("start Checkout down sev3");

        var outcome = await _bed.DoAsync("sev 1", Bob);

        Assert.Equal(Severity.Sev1, (await _bed.IncidentAsync()).Severity);
        Assert.Equal("INC-1: Severity changed from SEV3 to SEV1 by Bob.", Announced(outcome));
        await _bed.AssertLastEntryAsync("Severity changed from SEV3 to SEV1", TimelineTag.KeyEvent, Bob, Start);
    }

    [Fact]
    public async Task Tz_changes_the_incident_time_zone_and_the_reading_of_typed_times()
    {
        await _bed.DoAsync("start Checkout down");
        var entries = await _bed.TimelineAsync();

        var outcome = await _bed.DoAsync("timezone Europe/Berlin");
        await _bed.DoAsync("began 14:40");

        var incident = await _bed.IncidentAsync();
        Assert.Equal("Europe/Berlin", incident.TimeZoneId);
        Assert.Contains("Europe/Berlin", outcome.Reply.ToPlainString(), StringComparison.Ordinal);
        Assert.Equal(Start.AddMinutes(-20), incident.ImpactBegan!.At);
        Assert.Equal(entries.Count + 1, (await _bed.TimelineAsync()).Count);
    }

    [Fact]
    public async Task Status_answers_only_the_caller_and_changes_nothing()
    {
        await _bed.DoAsync("start Checkout down sev2");
        _bed.Clock.Advance(TimeSpan.FromMinutes(5));
        var before = await _bed.SnapshotAsync();

        var outcome = await _bed.DoAsync("status");

        Assert.Empty(outcome.Posts);
        var reply = outcome.Reply.ToPlainString();
        TextAssert.ContainsAll(reply, "INC-1: Checkout down", "SEV2, ongoing", "Commander: Alice", "Open for 5 minutes", "/incident rootcause");
        Assert.Equal(before, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task Catchup_answers_only_the_caller_with_what_happened_since_their_last_command_and_changes_nothing()
    {
        await _bed.DoAsync("start Checkout down sev2");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(2), "note looking", Bob);
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(3), "update rolled back v42");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(1), "escalate @dana database");
        _bed.Clock.Advance(TimeSpan.FromMinutes(4));
        var before = await _bed.SnapshotAsync();

        var outcome = await _bed.DoAsync("catchup", Bob);

        Assert.Empty(outcome.Posts);
        Assert.Equal(
            """
            INC-1: Checkout down - SEV2, ongoing (not acknowledged)
            Commander: Alice
            Open for 10 minutes, since Mon, Mar 2, 2026, 14:00 UTC.
            Latest update: rolled back v42 (14:05, Alice)

            Tagged since you last spoke at 14:02 (1 event):
            14:05 - Status update: rolled back v42 (Alice)

            Escalations (1):
            14:06 - Escalated to dana: database (Alice)
            """.ReplaceLineEndings("\n"),
            string.Join("\n\n", outcome.Reply.ToPlainString().Split("\n\n")[..3]));
        Assert.Equal(before, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task Timeline_posts_the_timeline_of_the_latest_incident_in_the_channel()
    {
        await _bed.DoAsync("start Checkout down");

        await AssertPostsOnlyAsync("timeline", new TimelinePost(Channel, Incident.MakeId(Channel, 1)));
    }

    [Fact]
    public async Task Resolve_closes_the_incident_announces_it_and_posts_the_postmortem()
    {
        var (outcome, incident) = await BobRunsAfterStartAsync(TimeSpan.FromMinutes(45), "resolve rolled back to v41");

        Assert.Equal(IncidentStatus.Resolved, incident.Status);
        Assert.False(incident.IsOpen);
        Assert.Equal(new Milestone(Start.AddMinutes(45), Bob, "req-2"), incident.Resolved);
        Assert.Equal("rolled back to v41", incident.Resolution);
        Assert.Equal(2, outcome.Posts.Count);
        var announcement = Assert.IsType<AnnouncementPost>(outcome.Posts[0]);
        Assert.StartsWith("INC-1 resolved by Bob after 45 minutes.", announcement.Text.ToPlainString(), StringComparison.Ordinal);
        Assert.Equal(new PostmortemPost(Channel, incident.Id), outcome.Posts[1]);
        await _bed.AssertLastEntryAsync("Resolved by Bob: rolled back to v41", TimelineTag.Resolution, Bob, Start.AddMinutes(45));
    }

    [Fact]
    public async Task Resolve_without_text_keeps_an_earlier_resolution()
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAsync("resolution renewed the certificate");

        await _bed.DoAsync("resolve");

        Assert.Equal("renewed the certificate", (await _bed.IncidentAsync()).Resolution);
        Assert.Equal("Resolved by Alice", (await _bed.EntryAsync(_bed.LastRequestId)).Text);
    }

    [Fact]
    public async Task Postmortem_posts_the_draft_of_the_latest_incident_again_after_resolve()
    {
        await StartAndResolveAsync();

        await AssertPostsOnlyAsync("postmortem", new PostmortemPost(Channel, Incident.MakeId(Channel, 1)));
    }

    [Theory]
    [InlineData("detected customer tweets")]
    [InlineData("began 13:30")]
    [InlineData("impact EU customers cannot pay")]
    [InlineData("users 40%")]
    [InlineData("rootcause expired certificate")]
    [InlineData("resolution renewed it")]
    [InlineData("improve alert on expiry")]
    [InlineData("todo add alert @bob")]
    [InlineData("severity sev1")]
    [InlineData("commander @bob")]
    [InlineData("tz Europe/Berlin")]
    public async Task Postmortem_facts_can_be_added_after_resolve_to_the_latest_incident(string command)
    {
        await StartAndResolveAsync();
        var before = await _bed.SnapshotAsync();

        var outcome = await _bed.DoAsync(command);

        Assert.Equal(1, outcome.Incident!.Number);
        Assert.Equal(IncidentStatus.Resolved, outcome.Incident.Status);
        Assert.NotEqual(before, await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task Help_lists_every_verb_and_help_for_one_verb_shows_its_usage()
    {
        var all = await _bed.DoAsync("");
        var one = await _bed.DoAsync("help escalate");

        foreach (var (_, usage, _) in CommandUsage.Verbs)
        {
            Assert.Contains($"/incident {usage}", all.Reply.ToPlainString(), StringComparison.Ordinal);
        }

        Assert.Equal("/incident escalate <@who> [reason] - record an escalation", one.Reply.ToPlainString());
        Assert.Empty(all.Posts);
        Assert.Equal("[]", await _bed.SnapshotAsync());
    }

    [Fact]
    public async Task Help_for_an_unknown_verb_names_it()
    {
        var outcome = await _bed.SendAsync("help deploy");

        Assert.False(outcome.Accepted);
        Assert.Equal("There is no command 'deploy'. /incident help lists them all.", outcome.Reply.ToPlainString());
    }

    // ---- stats ----

    [Fact]
    public async Task Stats_counts_incidents_and_computes_mtta_and_mttr_by_severity()
    {
        // SEV1: ack after 2 and 4 min, resolve after 30 and 50; SEV2: ack after 6 and 20, resolve after 70 and 130;
        // SEV4: still open and not acknowledged. Overall MTTA 2,4,6,20: mean 8, median 5, p90 20 (nearest rank);
        // MTTR 30,50,70,130: mean 70, median 60, p90 130.
        await RunIncidentAsync("sev1", ackAfter: 2, resolveAfter: 30);
        await RunIncidentAsync("sev2", ackAfter: 6, resolveAfter: 70);
        await RunIncidentAsync("sev1", ackAfter: 4, resolveAfter: 50);
        await RunIncidentAsync("sev2", ackAfter: 20, resolveAfter: 130);
        await _bed.DoAsync("start Still open sev4");

        var outcome = await _bed.DoAsync("stats 7");

        var lines = outcome.Reply.ToPlainString().Split('\n');
        Assert.Equal("Incidents in the last 7 days: 5", lines[0]);
        Assert.Equal(
            "All (5): MTTA mean 8 minutes, median 5 minutes, p90 20 minutes (n=4); "
            + "MTTR mean 1 hour, 10 minutes, median 1 hour, p90 2 hours, 10 minutes (n=4)",
            lines[1]);
        Assert.Equal(
            "SEV1 (2): MTTA mean 3 minutes, median 3 minutes, p90 4 minutes (n=2); MTTR mean 40 minutes, median 40 minutes, p90 50 minutes (n=2)",
            lines[2]);
        Assert.Equal(
            "SEV2 (2): MTTA mean 13 minutes, median 13 minutes, p90 20 minutes (n=2); "
            + "MTTR mean 1 hour, 40 minutes, median 1 hour, 40 minutes, p90 2 hours, 10 minutes (n=2)",
            lines[3]);
        Assert.Equal("SEV4 (1): MTTA n/a; MTTR n/a", lines[4]);
        Assert.Equal("Median per phase: ack 5 min (n=4); resolve 1 h (n=4).", lines[5]);
        Assert.Empty(outcome.Posts);
    }

    [Fact]
    public async Task Stats_counts_only_the_period_asked_for_and_only_this_workspace()
    {
        await RunIncidentAsync("sev1", ackAfter: 1, resolveAfter: 10);
        _bed.Clock.Advance(TimeSpan.FromDays(40));
        await RunIncidentAsync("sev2", ackAfter: 3, resolveAfter: 20);
        var otherWorkspace = new ChannelRef(ChatPlatform.Slack, "T2", "C1");
        await _bed.DoAsync("start Elsewhere", channel: otherWorkspace);

        var month = (await _bed.DoAsync("stats")).Reply.ToPlainString();
        var quarter = (await _bed.DoAsync("stats 90")).Reply.ToPlainString();

        Assert.StartsWith("Incidents in the last 30 days: 1\nAll (1): MTTA mean 3 minutes", month, StringComparison.Ordinal);
        Assert.DoesNotContain("SEV1", month, StringComparison.Ordinal);
        Assert.StartsWith("Incidents in the last 90 days: 2\nAll (2): MTTA mean 2 minutes", quarter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_says_which_incidents_run_from_the_page_only_when_some_were_paged()
    {
        await RunIncidentAsync("sev2", ackAfter: 3, resolveAfter: 20);
        var before = (await _bed.DoAsync("stats")).Reply.ToPlainString();
        using var paged = new CommandTestBed(routes: [SamplePages.Route()]);
        await paged.Pages.ReceiveAsync([SamplePages.PagerDuty(PageAction.Triggered, "E1", SamplePages.Fired)], CancellationToken.None);
        await paged.Pages.ReceiveAsync([SamplePages.PagerDuty(PageAction.Acknowledged, "E2", SamplePages.Fired.AddMinutes(4))], CancellationToken.None);
        await paged.DoAsync("start Typed by hand", channel: new ChannelRef(ChatPlatform.Slack, "T1", "C2"));

        var lines = (await paged.DoAsync("stats")).Reply.ToPlainString().Split('\n');

        Assert.EndsWith("p90 is the 90th percentile.", before, StringComparison.Ordinal);
        Assert.StartsWith("All (2): MTTA mean 4 minutes, median 4 minutes, p90 4 minutes (n=1)", lines[1], StringComparison.Ordinal);
        Assert.Equal(
            "MTTA and MTTR run from the page for 1 of 2 incidents (PagerDuty 1), from the declaration for the others.",
            lines[^1]);
    }

    [Fact]
    public async Task Stats_with_no_incidents_says_so()
    {
        var outcome = await _bed.DoAsync("stats");

        Assert.Equal("Incidents in the last 30 days: 0.", outcome.Reply.ToPlainString());
    }

    /// <summary>
    /// Declares INC-1 ("Checkout down"); <paramref name="after"/> later Bob runs <paramref name="command"/>, which must
    /// succeed. Returns its outcome and INC-1 as stored then.
    /// </summary>
    private async Task<(CommandOutcome Outcome, Incident Incident)> BobRunsAfterStartAsync(TimeSpan after, string command)
    {
        await _bed.DoAsync("start Checkout down");
        var outcome = await _bed.DoAfterAsync(after, command, Bob);
        return (outcome, await _bed.IncidentAsync());
    }

    /// <summary><paramref name="command"/> posts <paramref name="expected"/> and nothing else, and changes nothing in the store.</summary>
    private async Task AssertPostsOnlyAsync(string command, ChannelPost expected)
    {
        var before = await _bed.SnapshotAsync();

        var outcome = await _bed.DoAsync(command);

        Assert.Equal(expected, Assert.Single(outcome.Posts));
        Assert.Equal(before, await _bed.SnapshotAsync());
    }

    /// <summary>Declares INC-1 ("Checkout down") and resolves it straight away.</summary>
    private async Task StartAndResolveAsync()
    {
        await _bed.DoAsync("start Checkout down");
        await _bed.DoAsync("resolve");
    }

    private async Task RunIncidentAsync(string severity, int ackAfter, int resolveAfter)
    {
        await _bed.DoAsync($"start Incident {severity}");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(ackAfter), "ack");
        await _bed.DoAfterAsync(TimeSpan.FromMinutes(resolveAfter - ackAfter), "resolve");
        _bed.Clock.Advance(TimeSpan.FromHours(1));
    }
}
