using ScribeBot.Core.Postmortem.ChannelVersion;
using static ScribeBot.Core.Tests.Postmortem.Scenarios;

namespace ScribeBot.Core.Tests.Postmortem.ChannelVersion;

public sealed class ChannelDraftBuilderTests
{
    private static readonly DateTimeOffset Declared = new(2026, 3, 2, 10, 2, 0, TimeSpan.Zero);
    private static readonly ChatText Place = ChatText.Of("the attached file");

    private static Incident Resolved(string? rootCause = "a config push removed the payments upstream") =>
        NewIncident(4, "Checkout returns 502", Declared, Alice, timeZone: "UTC") with
        {
            Status = IncidentStatus.Resolved,
            Resolved = new Milestone(Declared.AddMinutes(47), Alice),
            Impact = "Checkout returned 502s",
            UsersAffectedPercent = 12m,
            RootCause = rootCause,
        };

    private static ChannelDraft Build(Incident incident, IReadOnlyList<TimelineEntry> entries) =>
        ChannelDraftBuilder.Build(PostmortemDraft.Build(incident, entries), LeadBuilder.Build(incident, entries), Place);

    [Fact]
    public void The_lead_says_what_broke_for_how_long_and_why_in_three_lines()
    {
        var lead = LeadBuilder.Build(Resolved(), []);

        Assert.Equal(
            [
                "What broke: Checkout returned 502s (12% of users)",
                "For how long: 47 minutes, 10:02-10:49 UTC (from the declaration; impact start not recorded)",
                "Why: a config push removed the payments upstream",
            ],
            lead.Lines.Select(line => line.ToPlainString()));
        Assert.All(lead.Lines, line => Assert.Equal(RunStyle.Strong, line.Runs[0].Style));
    }

    [Fact]
    public void A_missing_fact_is_said_briefly_with_the_command_that_records_it()
    {
        var incident = NewIncident(4, "Search is down", Declared, Alice, timeZone: "UTC");

        var lead = LeadBuilder.Build(incident, []);

        Assert.Equal("What broke: Search is down", lead.WhatBroke.ToPlainString());
        Assert.Equal("For how long: ongoing since Mon, Mar 2, 2026, 10:02 UTC", lead.HowLong.ToPlainString());
        Assert.Equal("Why: not yet known - tag a root cause or use /incident rootcause <text>", lead.Why.ToPlainString());
        Assert.DoesNotContain(lead.Lines.SelectMany(line => line.Runs), run => run.Style == RunStyle.Placeholder);
    }

    [Fact]
    public void Without_a_recorded_root_cause_the_first_tagged_one_is_quoted_as_such_on_one_line()
    {
        var list = new EntryList(Resolved().Id);
        list.Say(Declared.AddMinutes(20), Bo, "the upstream block\nis gone from the config", TimelineTag.RootCause);

        var lead = LeadBuilder.Build(Resolved(rootCause: null), list.Entries);

        Assert.Equal(
            "Why: the upstream block is gone from the config (a message tagged as root cause; confirm with /incident rootcause <text>)",
            lead.Why.ToPlainString());
    }

    [Fact]
    public void A_five_thousand_character_message_is_cut_without_splitting_an_emoji_and_links_to_the_message()
    {
        // The emoji's first half is the last unit the limit keeps, so a naive cut would leave half a character.
        var text = new string('a', ChannelDraftBuilder.MaxTimelineChars - 1) + "🔥" + new string('b', 5000 - ChannelDraftBuilder.MaxTimelineChars - 1);
        Assert.Equal(5000, text.Length);
        var list = new EntryList(Resolved().Id);
        var entry = list.Say(Declared.AddMinutes(5), Bo, text, TimelineTag.KeyEvent);

        var draft = Build(Resolved(), list.Entries);

        var line = Timeline(draft).Single(item => item.Origin == TimelineItemOrigin.Message);
        Assert.Equal(new string('a', ChannelDraftBuilder.MaxTimelineChars - 1) + "… (full message)", line.Text.ToPlainString());
        Assert.Equal(entry.Permalink, line.Text.Runs.Single(run => run.Style == RunStyle.Link).Url);
        Assert.DoesNotContain(line.Text.ToPlainString(), char.IsSurrogate);
    }

    [Fact]
    public void A_long_timeline_keeps_milestones_and_the_guideline_kinds_latest_first_and_counts_the_rest()
    {
        var incident = Resolved() with { Resolved = new Milestone(Declared.AddHours(5), Alice) };
        var list = new EntryList(incident.Id);
        var first = list.Say(Declared.AddMinutes(1), Bo, "first misleading path: we blamed the CDN for the errors", TimelineTag.Misleading);
        for (var i = 0; i < 200; i++)
        {
            list.Say(Declared.AddMinutes(2 + i), i % 2 == 0 ? Bo : Priya, $"note {i}: looked at shard {i} and it seemed fine to us", TimelineTag.KeyEvent);
        }

        var escalation = list.Say(Declared.AddMinutes(230), Alice, "paged the database team", TimelineTag.Escalation);

        var draft = Build(incident, list.Entries);

        var kept = Timeline(draft);
        Assert.Equal(PostmortemDraft.Build(incident, list.Entries).Sections[1].Blocks.OfType<TimelineBlock>().Single().Items.Count() - kept.Count, draft.LeftOutEntries);
        Assert.InRange(draft.LeftOutEntries, 100, 200);
        Assert.Contains(kept, item => item.Link == first.Permalink);
        Assert.Contains(kept, item => item.Link == escalation.Permalink);
        Assert.Contains(kept, item => item.Text.ToPlainString().StartsWith("note 199:", StringComparison.Ordinal));
        Assert.DoesNotContain(kept, item => item.Text.ToPlainString().StartsWith("note 0:", StringComparison.Ordinal));
        Assert.Equal(kept.OrderBy(item => item.At), kept);
        var note = draft.Document.Sections[1].Blocks.OfType<ParagraphBlock>().Single().Text.ToPlainString();
        Assert.Equal($"{draft.LeftOutEntries} more timeline entries are left out here; the full timeline is in the attached file.", note);
    }

    [Fact]
    public void The_first_part_is_the_issue_summary_and_nothing_is_said_twice_below_it()
    {
        var list = new EntryList(Resolved().Id);
        list.Say(Declared.AddMinutes(20), Bo, "the upstream block is gone", TimelineTag.RootCause);

        var draft = Build(Resolved(), list.Entries);

        Assert.Equal([PostmortemHeadings.IssueSummary], draft.FirstPart.Select(s => s.Heading));
        Assert.Equal([PostmortemHeadings.Timeline, PostmortemHeadings.RootCause, PostmortemHeadings.Measures], draft.Rest.Select(s => s.Heading));
        var rootCause = draft.Rest[1].Blocks;
        Assert.DoesNotContain(rootCause, block => block is ParagraphBlock p && p.Text.ToPlainString().StartsWith("Root cause:", StringComparison.Ordinal));
        Assert.DoesNotContain(rootCause, block => block is SubheadingBlock or BulletListBlock);
        Assert.Contains(rootCause, block => block is ParagraphBlock p && p.Text.ToPlainString().StartsWith("Resolution:", StringComparison.Ordinal));
    }

    private static List<TimelineItem> Timeline(ChannelDraft draft) =>
        [.. draft.Document.Sections.Single(s => s.Heading == PostmortemHeadings.Timeline).Blocks.OfType<TimelineBlock>().Single().Items];
}
