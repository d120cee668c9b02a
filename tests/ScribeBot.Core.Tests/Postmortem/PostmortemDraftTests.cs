using ScribeBot.Core.Postmortem;
using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Postmortem;

public sealed class PostmortemDraftTests
{
    private static Incident Basic() => NewIncident(3, "Login slow", Declared, Alice);

    private static string Markdown(PostmortemDocument document) => PostmortemMarkdown.Render(document);

    private static string SectionMarkdown(PostmortemDocument document, string heading) =>
        PostmortemMarkdown.RenderSection(document.Sections.Single(s => s.Heading == heading));

    private static List<TimelineItem> Items(PostmortemDocument document) =>
        document.Sections.SelectMany(s => s.Blocks).OfType<TimelineBlock>().Single().Items.ToList();

    [Fact]
    public void Acknowledged_before_declared_is_flagged_and_no_durations_are_stated()
    {
        var incident = Basic() with
        {
            Acknowledged = new Milestone(Declared.AddMinutes(-5), Bo),
            Resolved = new Milestone(Declared.AddHours(1), Alice),
            Status = IncidentStatus.Resolved,
        };

        var document = PostmortemDraft.Build(incident, []);

        var warning = Assert.Single(document.Warnings);
        Assert.Equal((IncidentFact.Declared, IncidentFact.Acknowledged), (warning.Earlier, warning.Later));
        Assert.Contains("acknowledged (Mon, Mar 2, 2026, 14:05 CET) is recorded before declared (Mon, Mar 2, 2026, 14:10 CET)",
            warning.Message.ToPlainString(), StringComparison.Ordinal);
        var summary = SectionMarkdown(document, PostmortemHeadings.IssueSummary);
        Assert.Contains("not stated", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("1 hour", summary, StringComparison.Ordinal);
        Assert.StartsWith("> **Impossible order:**", Markdown(document).Split("\n\n")[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Detection_before_impact_only_withholds_the_durations_that_span_it()
    {
        var incident = Basic() with
        {
            ImpactBegan = new Milestone(Declared.AddMinutes(-5), Bo),
            Detected = new Milestone(Declared.AddMinutes(-20), Bo),
            Acknowledged = new Milestone(Declared.AddMinutes(2), Bo),
        };

        var document = PostmortemDraft.Build(incident, []);

        var warning = Assert.Single(document.Warnings);
        Assert.Equal((IncidentFact.ImpactBegan, IncidentFact.Detected), (warning.Earlier, warning.Later));
        Assert.Contains("(MTTA):** 2 minutes", SectionMarkdown(document, PostmortemHeadings.IssueSummary), StringComparison.Ordinal);
    }

    [Fact]
    public void Possible_order_gives_no_warning_and_humanized_durations()
    {
        var incident = Basic() with
        {
            ImpactBegan = new Milestone(Declared.AddMinutes(-8), Bo),
            Acknowledged = new Milestone(Declared.AddMinutes(3), Bo),
            Resolved = new Milestone(Declared.AddMinutes(82), Alice),
            Status = IncidentStatus.Resolved,
        };

        var document = PostmortemDraft.Build(incident, []);

        Assert.Empty(document.Warnings);
        var summary = SectionMarkdown(document, PostmortemHeadings.IssueSummary);
        Assert.Contains("**Duration:** 1 hour, 30 minutes, from 14:02 to 15:32 Europe/Berlin (CET) on Mon, Mar 2, 2026.", summary, StringComparison.Ordinal);
        Assert.Contains("(MTTA):** 3 minutes", summary, StringComparison.Ordinal);
        Assert.Contains("(MTTR):** 1 hour, 22 minutes", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Unresolved_incident_says_ongoing_and_invents_no_end()
    {
        var document = PostmortemDraft.Build(Basic(), []);

        var summary = SectionMarkdown(document, PostmortemHeadings.IssueSummary);
        Assert.Contains("**Duration:** **ongoing** - started Mon, Mar 2, 2026, 14:10 Europe/Berlin (CET), not resolved yet.", summary, StringComparison.Ordinal);
        // The Duration line says ongoing; the phases line leaves out what has not happened yet rather than repeat it.
        Assert.DoesNotContain("(MTTR)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(Items(document), i => i.Kind == "Resolved");
    }

    public static TheoryData<string, string> MissingFacts => new()
    {
        { "impact", "[impact not recorded - /incident impact <text>]" },
        { "users", "[share of users affected not recorded - /incident users <n>%]" },
        { "rootcause", "[root cause not recorded - /incident rootcause <text>]" },
        { "resolution", "[resolution not recorded - /incident resolution <text>]" },
        { "detection method", "[detection method not recorded - /incident detected <how> [at HH:MM]]" },
        { "detection time", "[detection time not recorded, declaration time shown - /incident detected <how> at HH:MM]" },
        { "impact start", "[impact start not recorded - /incident began HH:MM]" },
        { "commander", "[no commander - /incident commander <@who>]" },
        { "improvements", "[no broad improvements recorded - /incident improve <text>]" },
        { "tasks", "[no tasks recorded - /incident todo <task> [@owner]]" },
    };

    [Theory]
    [MemberData(nameof(MissingFacts))]
    public void Each_missing_fact_shows_a_placeholder_naming_its_command(string fact, string placeholder)
    {
        var incident = Basic() with { Resolved = new Milestone(Declared.AddHours(1), Alice), Status = IncidentStatus.Resolved };

        var document = PostmortemDraft.Build(incident, []);

        var placeholders = AllTexts(document).SelectMany(t => t.Runs).Where(r => r.Style == RunStyle.Placeholder).Select(r => r.Text);
        Assert.True(placeholders.Contains(placeholder), $"no placeholder for {fact}");
    }

    [Fact]
    public void Recorded_facts_replace_their_placeholders()
    {
        var (incident, entries) = PaymentsOutage();

        var document = PostmortemDraft.Build(incident, entries);

        var placeholders = AllTexts(document).SelectMany(t => t.Runs).Where(r => r.Style == RunStyle.Placeholder).Select(r => r.Text).ToList();
        Assert.Equal(["[no owner - /incident todo <task> @owner]"], placeholders);
    }

    [Fact]
    public void Task_without_owner_shows_an_owner_placeholder()
    {
        var incident = Basic() with { Tasks = [new IncidentTask("Add a pool alert", "Bo Chen"), new IncidentTask("Write a runbook", null)] };

        var measures = SectionMarkdown(PostmortemDraft.Build(incident, []), PostmortemHeadings.Measures);

        Assert.Contains("- [ ] Add a pool alert (owner: Bo Chen)\n", measures, StringComparison.Ordinal);
        Assert.Contains("- [ ] Write a runbook (owner: *\\[no owner", measures, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleted_entries_are_left_out_and_edited_entries_show_their_final_text()
    {
        var log = new EntryList(Basic().Id);
        var wrong = log.Say(Declared.AddMinutes(1), Bo, "restarting the databse", TimelineTag.Action);
        log.Edit(wrong, "restarting the auth cache", Declared.AddMinutes(2));
        var gone = log.Say(Declared.AddMinutes(3), Priya, "password is hunter2", TimelineTag.Note);
        log.Delete(gone);

        var markdown = Markdown(PostmortemDraft.Build(Basic(), log.Entries));

        TextAssert.ContainsNone(markdown, "hunter2", "databse");
        TextAssert.ContainsAll(markdown, "**Action** - Bo Chen: restarting the auth cache", "Bo Chen: restarting the auth cache *(edited)*");
    }

    [Fact]
    public void Untagged_chat_is_only_in_the_transcript_while_tagged_and_command_entries_are_in_the_timeline()
    {
        var log = new EntryList(Basic().Id);
        log.Say(Declared.AddMinutes(1), Priya, "grabbing coffee, back in 5");
        log.Say(Declared.AddMinutes(2), Bo, "auth cache hit rate dropped to 3%", TimelineTag.Detection);
        log.Command(Declared.AddMinutes(4), Alice, "severity raised to SEV1");

        var document = PostmortemDraft.Build(Basic(), log.Entries);

        var timeline = SectionMarkdown(document, PostmortemHeadings.Timeline);
        Assert.DoesNotContain("coffee", timeline, StringComparison.Ordinal);
        Assert.Contains("- 14:12 - **Detection** - Bo Chen: auth cache hit rate dropped to 3% ([message](<https://acme.slack.com/", timeline, StringComparison.Ordinal);
        Assert.Contains("- 14:14 - **Change** - Alice Ng: severity raised to SEV1 ([command](<https://acme.slack.com/", timeline, StringComparison.Ordinal);
        Assert.Contains(document.Transcript.Lines, l => l.Text == "grabbing coffee, back in 5");
    }

    [Fact]
    public void Timeline_line_without_permalink_has_no_link()
    {
        var log = new EntryList(Basic().Id);
        var entry = log.Say(Declared.AddMinutes(1), Bo, "failover started", TimelineTag.Action);
        IReadOnlyList<TimelineEntry> entries = [entry with { Permalink = null }];

        var timeline = SectionMarkdown(PostmortemDraft.Build(Basic(), entries), PostmortemHeadings.Timeline);

        Assert.Contains("- 14:11 - **Action** - Bo Chen: failover started\n", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void Command_that_set_a_milestone_is_shown_once_as_the_milestone_with_its_link()
    {
        var log = new EntryList(Basic().Id);
        var start = log.Command(Declared, Alice, "incident declared");

        var items = Items(PostmortemDraft.Build(Basic(), log.Entries));

        var declared = Assert.Single(items, i => i.At == Declared && i.Kind != "Detected");
        Assert.Equal(("Declared", start.Permalink), (declared.Kind, declared.Link));
    }

    [Fact]
    public void A_detection_tagged_message_is_the_detection_line_with_no_placeholder_line_beside_it()
    {
        var incident = Basic() with { Status = IncidentStatus.Resolved, Resolved = new Milestone(Declared.AddMinutes(30), Alice) };
        var log = new EntryList(incident.Id);
        log.Say(Declared.AddMinutes(-6), Bo, "p99 is through the roof", TimelineTag.Detection);

        var document = PostmortemDraft.Build(incident, log.Entries);

        Assert.DoesNotContain(Items(document), i => i.Kind == "Detected");
        var detection = Assert.Single(Items(document), i => i.At == Declared.AddMinutes(-6));
        Assert.Equal(("Detection", "p99 is through the roof"), (detection.Kind, detection.Text.ToPlainString()));
        var timeline = PostmortemMarkdown.RenderSection(document.Sections[1]);
        Assert.DoesNotContain("not recorded", timeline, StringComparison.Ordinal);
        var summary = PostmortemMarkdown.RenderSection(document.Sections[0]);
        Assert.Contains($", at {detection.TimeLabel} (the first message tagged as detection)", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("declaration time shown", summary, StringComparison.Ordinal);

        // A detection before the declaration starts the outage.
        Assert.Contains($"36 minutes, from {detection.TimeLabel} to 14:40", summary, StringComparison.Ordinal);
        Assert.Contains("Measured from the first message tagged detection to the resolve;", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rootcause_command_after_a_tagged_root_cause_message_adds_no_line_to_the_timeline()
    {
        var log = new EntryList(Basic().Id);
        log.Say(Declared.AddMinutes(20), Priya, "every connection is in use", TimelineTag.RootCause);
        log.Command(Declared.AddMinutes(30), Alice, "Root cause: connection pool exhausted", TimelineTag.RootCause);

        var timeline = SectionMarkdown(PostmortemDraft.Build(Basic(), log.Entries), PostmortemHeadings.Timeline);

        Assert.Contains("- 14:30 - **Root cause** - Priya Raman: every connection is in use", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("connection pool exhausted", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Root cause identified", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rootcause_command_that_is_when_the_cause_was_found_keeps_its_own_time_and_text()
    {
        var log = new EntryList(Basic().Id);
        log.Command(Declared.AddMinutes(30), Alice, "Root cause: connection pool exhausted", TimelineTag.RootCause);

        var timeline = SectionMarkdown(PostmortemDraft.Build(Basic(), log.Entries), PostmortemHeadings.Timeline);

        Assert.Contains("- 14:40 - **Root cause** - Alice Ng: Root cause: connection pool exhausted", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_that_resolved_while_open_is_the_recovered_line_and_the_duration_says_so()
    {
        var incident = Basic().RecordPageRecovery(new Milestone(Declared.AddMinutes(40), Alice, "page:pagerduty:E9")) with
        {
            Status = IncidentStatus.Resolved,
            Resolved = new Milestone(Declared.AddMinutes(45), Alice),
        };
        TimelineEntry[] entries =
        [
            new()
            {
                IncidentId = incident.Id, MessageId = "page:pagerduty:E9", At = Declared.AddMinutes(40), Author = Alice,
                Text = "PagerDuty: page resolved by Alice Ng", Source = EntrySource.Command, Marks = [new TagMark(TimelineTag.KeyEvent, Alice.Id)],
            },
        ];

        var document = PostmortemDraft.Build(incident, entries);

        var timeline = SectionMarkdown(document, PostmortemHeadings.Timeline);
        Assert.Contains("- 14:50 - **Recovered** - Alice Ng: impact ended (the page resolved)", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("page resolved by", timeline, StringComparison.Ordinal);
        Assert.Contains("40 minutes, from 14:10 to 14:50", SectionMarkdown(document, PostmortemHeadings.IssueSummary), StringComparison.Ordinal);
        Assert.Contains("to when impact ended (the page resolved)", SectionMarkdown(document, PostmortemHeadings.IssueSummary), StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_across_the_spring_DST_change_labels_times_with_the_zone_abbreviation()
    {
        // Europe/Berlin jumps from 02:00 CET to 03:00 CEST at 01:00 UTC on 2026-03-29.
        var declared = new DateTimeOffset(2026, 3, 29, 0, 40, 0, TimeSpan.Zero);
        var incident = NewIncident(9, "Batch jobs stuck", declared, Alice);
        var log = new EntryList(incident.Id);
        log.Say(declared.AddMinutes(10), Bo, "scheduler paused", TimelineTag.Action);
        log.Say(declared.AddMinutes(30), Bo, "scheduler resumed", TimelineTag.Action);

        var items = Items(PostmortemDraft.Build(incident, log.Entries));

        Assert.Equal(["01:40 CET", "01:40 CET", "01:50 CET", "03:10 CEST"], items.Select(i => i.TimeLabel));
    }

    [Fact]
    public void Timeline_across_local_midnight_heads_each_day()
    {
        var declared = new DateTimeOffset(2026, 3, 2, 22, 40, 0, TimeSpan.Zero); // 23:40 CET
        var incident = NewIncident(10, "Nightly export failed", declared, Alice);
        var log = new EntryList(incident.Id);
        log.Say(declared.AddMinutes(35), Bo, "export rerun started", TimelineTag.Action);

        var timeline = SectionMarkdown(PostmortemDraft.Build(incident, log.Entries), PostmortemHeadings.Timeline);

        Assert.Contains("### Mon, Mar 2, 2026\n\n- 23:40 - **Detected**", timeline, StringComparison.Ordinal);
        Assert.Contains("### Tue, Mar 3, 2026\n\n- 00:15 - **Action** - Bo Chen: export rerun started", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_day_timeline_has_no_day_headings()
    {
        var (incident, entries) = PaymentsOutage();

        var block = PostmortemDraft.Build(incident, entries).Sections.SelectMany(s => s.Blocks).OfType<TimelineBlock>().Single();

        Assert.Null(Assert.Single(block.Days).Heading);
    }

    [Fact]
    public void Unknown_time_zone_falls_back_to_UTC_visibly()
    {
        var incident = Basic() with { TimeZoneId = "Mars/Olympus_Mons" };

        var document = PostmortemDraft.Build(incident, []);

        Assert.Contains("[time zone \"Mars/Olympus_Mons\" unknown, UTC shown", document.Meta.ToPlainString(), StringComparison.Ordinal);
        Assert.Equal("13:10", Items(document)[0].TimeLabel);
    }

    [Fact]
    public void Thread_replies_follow_their_parent_in_the_transcript()
    {
        var log = new EntryList(Basic().Id);
        var parent = log.Say(Declared.AddMinutes(1), Bo, "graphs?");
        log.Say(Declared.AddMinutes(2), Priya, "unrelated");
        log.Reply(parent, Declared.AddMinutes(3), Dana, "attached");

        var document = PostmortemDraft.Build(Basic(), log.Entries);

        Assert.Equal(["graphs?", "attached", "unrelated"], document.Transcript.Lines.Select(l => l.Text));
        Assert.Contains("  - ↳ 14:13 Dana Okafor: attached", Markdown(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Word_count_line_reports_against_the_guideline()
    {
        var sparse = PostmortemDraft.Build(SparseIncident().Incident, SparseIncident().Entries);

        Assert.True(sparse.WordCount.BelowGuideline);
        Assert.Contains($"*Word count: {sparse.WordCount.Words} (below the 400-600 guideline).", Markdown(sparse), StringComparison.Ordinal);
        Assert.Equal("Word count: 700 (above the 400-600 guideline)", new WordCount(700).Describe());
        Assert.Equal("Word count: 512 (guideline 400-600)", new WordCount(512).Describe());
    }

    [Fact]
    public void Word_count_ignores_the_transcript()
    {
        var (incident, entries) = PaymentsOutage();
        var chatter = Enumerable.Range(1, 500)
            .Select(i => entries[0] with { MessageId = $"extra{i}", Text = "more chatter in the channel", Marks = [], At = Declared.AddSeconds(i) });

        var plain = PostmortemDraft.Build(incident, entries);
        var chatty = PostmortemDraft.Build(incident, [.. entries, .. chatter]);

        Assert.Equal(plain.WordCount, chatty.WordCount);
        Assert.Equal(entries.Count + 500, chatty.Transcript.Lines.Count);
    }

    [Fact]
    public void Diagram_events_carry_their_entries_tags_and_untagged_changes_carry_none()
    {
        var log = new EntryList(Basic().Id);
        log.Say(Declared.AddMinutes(2), Bo, "rolled back and it is green", TimelineTag.Action, TimelineTag.Resolution);
        log.Command(Declared.AddMinutes(3), Alice, "severity raised to SEV1");

        var events = PostmortemDraft.Build(Basic(), log.Entries).Diagram.Events;

        Assert.Equal(2, events.Count);
        Assert.Equal("Action / Resolution", events[0].Kind);
        Assert.Equal([TimelineTag.Action, TimelineTag.Resolution], events[0].Tags);
        Assert.Equal("Change", events[1].Kind);
        Assert.Empty(events[1].Tags);
    }

    private static IEnumerable<ChatText> AllTexts(PostmortemDocument document)
    {
        yield return document.Meta;
        foreach (var block in document.Sections.SelectMany(s => s.Blocks))
        {
            switch (block)
            {
                case ParagraphBlock p:
                    yield return p.Text;
                    break;
                case BulletListBlock l:
                    foreach (var item in l.Items)
                    {
                        yield return item;
                    }

                    break;
                case TimelineBlock t:
                    foreach (var item in t.Items)
                    {
                        yield return item.Text;
                    }

                    break;
            }
        }
    }
}
