using Microsoft.Extensions.Time.Testing;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.ChannelVersion;
using ScribeBot.Core.Postmortem.Document;

namespace ScribeBot.Teams.Tests.Rendering;

public sealed class TeamsMessagesTests
{
    private const string MarkdownUrl = "https://scribe.example/incidents/7/postmortem.md?format=raw&v=1";
    private static readonly ChannelRef Channel = new(ChatPlatform.Teams, "50612dbb-0237-4969-b378-8d42590f9c00", "19:abc@thread.tacv2");
    private static readonly Person Alice = new("29:alice", "Alice Ng");
    private static readonly Person Bo = new("29:bo", "Bo Chen <at>Bo</at>");
    private static readonly DateTimeOffset Declared = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);

    private static readonly string[] Hostile =
    [
        "<at>Everyone</at> look", "@channel rollback now", "**bold** claim", "<script>alert(1)</script>", "[bank](http://evil.example)",
        "a | b | c", "&lt; literal", "# not a heading", "~~struck~~ `code`", "fire 🔥",
    ];

    private static string DeepLink(DateTimeOffset at, int i) =>
        $"https://teams.microsoft.com/l/message/19:abc@thread.tacv2/{at.ToUnixTimeMilliseconds() + i}?tenantId=t1&groupId=g1&parentMessageId={at.ToUnixTimeMilliseconds()}";

    /// <summary>An incident with <paramref name="count"/> tagged messages <paramref name="every"/> apart, each a timeline line.</summary>
    private static (Incident Incident, List<TimelineEntry> Entries) Incident(int count, Func<int, string> text, TimeSpan? every = null)
    {
        var time = new FakeTimeProvider(Declared);
        var id = ScribeBot.Core.Incidents.Incident.MakeId(Channel, 7);
        var tags = new[] { TimelineTag.Action, TimelineTag.Misleading, TimelineTag.KeyEvent, TimelineTag.Escalation };
        var entries = new List<TimelineEntry>(count);
        for (var i = 1; i <= count; i++)
        {
            time.Advance(every ?? TimeSpan.FromSeconds(15));
            var at = time.GetUtcNow();
            entries.Add(new TimelineEntry
            {
                IncidentId = id,
                MessageId = $"{at.ToUnixTimeMilliseconds()}{i:D6}",
                At = at,
                Author = i % 2 == 0 ? Alice : Bo,
                Text = text(i),
                Permalink = DeepLink(at, i),
                Source = EntrySource.Message,
                Marks = [new TagMark(tags[i % tags.Length], Bo.Id)],
            });
        }

        time.Advance(TimeSpan.FromSeconds(15));
        var incident = new Incident
        {
            Id = id,
            Number = 7,
            Channel = Channel,
            Title = "Checkout <at>Everyone</at> **down** " + new string('t', 180),
            Severity = Severity.Sev2,
            TimeZoneId = "Europe/Berlin",
            Commander = Alice,
            Declared = new Milestone(Declared, Alice),
            Acknowledged = new Milestone(Declared.AddMinutes(2), Alice),
            Status = IncidentStatus.Resolved,
            Resolved = new Milestone(time.GetUtcNow(), Alice),
            Impact = "@everyone cannot pay",
            UsersAffectedPercent = 12.5m,
            DetectionMethod = "PagerDuty alert on 5xx rate",
            Detected = new Milestone(Declared.AddMinutes(-3), Bo),
            RootCause = "A config push set the pool size to 0.",
            Resolution = "Rolled back the config push.",
            Improvements = ["Validate pool settings before a push"],
            Tasks = [new IncidentTask("Add a pool-size alarm", "Bo Chen")],
        };
        return (incident, entries);
    }

    private static readonly ChatText Dashboard = new ChatTextBuilder().Link("the incident's dashboard page", "https://scribe.example/incidents/7").Build();

    private static ChannelDraft ChannelVersion(Incident incident, List<TimelineEntry> entries) =>
        ChannelDraftBuilder.Build(PostmortemDraft.Build(incident, entries), LeadBuilder.Build(incident, entries), Dashboard);

    /// <summary>One section of the full draft through the pagination every long post shares (the timeline verb's).</summary>
    private static IReadOnlyList<string> Paged(PostmortemDocument document, string heading) =>
        TeamsMessages.Section(document.Title, document.Meta, document.Sections.Single(s => s.Heading == heading));

    private static void AssertWithinLimits(IReadOnlyList<string> messages)
    {
        Assert.NotEmpty(messages);
        Assert.All(messages, message =>
        {
            Assert.InRange(message.Length, 1, TeamsLimits.MaxMessageChars);
            TeamsHtmlAssert.WellFormedAndInert(message);
        });
    }

    private static void AssertNoMessageEndsOnAHeading(IReadOnlyList<string> messages) =>
        Assert.All(messages.SkipLast(1), message =>
        {
            var last = TeamsHtmlAssert.Parse(message).Elements("p").Last();
            Assert.False(last.Nodes().Count() == 1 && last.FirstNode is XElement { Name.LocalName: "b" }, "ends on a heading: " + last.Value);
        });

    private static List<string> Headings(string message) =>
        TeamsHtmlAssert.Parse(message).Elements("p")
            .Where(p => p.Nodes().Count() == 1 && p.FirstNode is XElement { Name.LocalName: "b" })
            .Select(p => p.Value)
            .ToList();

    private static readonly string[] SectionHeadings =
    [
        PostmortemHeadings.IssueSummary, PostmortemHeadings.Timeline, PostmortemHeadings.RootCause, PostmortemHeadings.Measures,
    ];

    [Fact]
    public void A_realistic_draft_is_the_lead_and_summary_then_every_section_the_timeline_and_the_markdown_link()
    {
        var (incident, entries) = Incident(12, i => $"step {i}: {Hostile[i % Hostile.Length]}");
        var draft = ChannelVersion(incident, entries);
        var document = draft.Document;

        var messages = TeamsMessages.Draft(draft, MarkdownUrl);

        AssertWithinLimits(messages);
        Assert.Equal(2, messages.Count);
        var text = TeamsHtmlAssert.PlainText(messages[0]);
        Assert.StartsWith(
            document.Title + "\n" + document.Meta.ToPlainString() + "\n"
            + "What broke: @everyone cannot pay (12.5% of users)\n"
            + "For how long: 6 minutes, 15 seconds, 13:57:00-14:03:15 Europe/Berlin (CET) (from detection; impact start not recorded)\n"
            + "Why: A config push set the pool size to 0.\n"
            + document.WordCount.Describe(),
            text,
            StringComparison.Ordinal);
        Assert.Equal([document.Title, PostmortemHeadings.IssueSummary], Headings(messages[0]));
        Assert.Equal([.. SectionHeadings.Skip(1), "Broad improvements", "Tasks"], Headings(messages[1]));
        Assert.Equal(0, draft.LeftOutEntries);

        var rest = TeamsHtmlAssert.PlainText(messages[1]);
        var timeline = document.Sections[1].Blocks.OfType<TimelineBlock>().Single().Items.ToList();
        Assert.Equal(12 + 4, timeline.Count);
        foreach (var item in timeline)
        {
            var author = item.Author is { } person ? $" - {person.DisplayName}" : "";
            Assert.Contains($"\n• {item.TimeLabel} - {item.Kind}{author}: {item.Text.ToPlainString()}\n", rest, StringComparison.Ordinal);
        }

        var hrefs = TeamsHtmlAssert.Hrefs(messages[1]).ToList();
        Assert.All(entries, entry => Assert.Contains(entry.Permalink, hrefs));
        Assert.Contains("<a href=\"https://teams.microsoft.com/l/message/19:abc&#64;thread.tacv2/", messages[1], StringComparison.Ordinal);
        Assert.Contains("\n☐ Add a pool-size alarm (owner: Bo Chen)\n", rest, StringComparison.Ordinal);

        var last = TeamsHtmlAssert.Parse(messages[1]).Elements("p").Last();
        var link = Assert.Single(last.Elements("a"));
        Assert.Equal(MarkdownUrl, (string)link.Attribute("href")!);
        Assert.Equal("Full draft as Markdown", link.Value);
        Assert.DoesNotContain("Transcript", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("gantt", rest, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_markdown_url_there_is_no_link_line_and_placeholders_are_explained()
    {
        var (incident, entries) = Incident(3, i => $"line {i}");
        var draft = ChannelVersion(incident with { RootCause = null, Improvements = [], Tasks = [] }, entries);

        var messages = TeamsMessages.Draft(draft, markdownUrl: null);

        var text = TeamsHtmlAssert.PlainTextOfAll(messages);
        Assert.DoesNotContain("Full draft as Markdown", text, StringComparison.Ordinal);
        Assert.Contains("Text in [brackets] is a placeholder to fill in.", text, StringComparison.Ordinal);
        TextAssert.ContainsAll(
            messages[0],
            "<i>&#91;root cause not recorded - /incident rootcause &lt;text&gt;&#93;</i>",
            "<b>Why:</b> <i>not yet known - tag a root cause or use /incident rootcause &lt;text&gt;</i>");
    }

    [Fact]
    public void A_hostile_title_impact_and_root_cause_stay_literal_in_the_lead()
    {
        var (incident, entries) = Incident(3, i => $"line {i}");
        incident = incident with
        {
            Title = "<at>Everyone</at> **Checkout** down",
            Impact = "<script>alert(1)</script> [bank](http://evil.example)\n@channel cannot pay",
            RootCause = "<a href=\"http://evil.example\">click</a> &amp; ~~it~~",
        };

        var messages = TeamsMessages.Draft(ChannelVersion(incident, entries), MarkdownUrl);

        AssertWithinLimits(messages);
        Assert.Contains(
            "<b>What broke:</b> &lt;script&gt;alert(1)&lt;/script&gt; &#91;bank&#93;(http://evil.example) &#64;channel cannot pay (12.5% of users)<br/>",
            messages[0],
            StringComparison.Ordinal);
        Assert.Contains("<b>Why:</b> &lt;a href=&quot;http://evil.example&quot;&gt;click&lt;/a&gt; &amp;amp; &#126;&#126;it&#126;&#126;</p>", messages[0], StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsHtmlAssert.Hrefs(messages[0]), href => href.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public void Impossible_order_warnings_follow_the_lead()
    {
        var (incident, entries) = Incident(2, i => $"line {i}");
        var draft = ChannelVersion(incident with { Acknowledged = new Milestone(Declared.AddMinutes(-30), Alice) }, entries);
        Assert.NotEmpty(draft.Document.Warnings);

        var text = TeamsHtmlAssert.PlainText(TeamsMessages.Draft(draft, MarkdownUrl)[0]);

        var lines = text.Split('\n');
        Assert.StartsWith("What broke: ", lines[2], StringComparison.Ordinal);
        Assert.Equal("⚠️ " + draft.Document.Warnings[0].Message.ToPlainString(), lines[5]);
    }

    [Fact]
    public void A_huge_incident_stays_short_in_the_channel_and_says_what_is_left_out_and_where()
    {
        var longItem = string.Join(' ', Enumerable.Range(1, 4000).Select(i => $"x{i}"));
        var rootCause = string.Join(' ', Enumerable.Range(1, 9000).Select(i => i % 50 == 0 ? $"<at>All</at> **{i}** @here &amp;\n" : $"w{i}"));
        var (incident, entries) = Incident(
            2000,
            i => i == 1999 ? longItem : $"step {i}: {(i % 100 == 0 ? Hostile[i / 100 % Hostile.Length] : "checked the dashboards")}",
            every: TimeSpan.FromMinutes(1));
        var draft = ChannelVersion(incident with { RootCause = rootCause }, entries);

        var messages = TeamsMessages.Draft(draft, MarkdownUrl);

        Assert.Equal(2, messages.Count);
        AssertWithinLimits(messages);
        var all = TeamsHtmlAssert.PlainTextOfAll(messages);
        Assert.InRange(draft.LeftOutEntries, 1900, 2000);
        Assert.Contains($"{draft.LeftOutEntries} more timeline entries are left out here; the full timeline is in the incident's dashboard page.", all, StringComparison.Ordinal);
        Assert.Contains("https://scribe.example/incidents/7", TeamsHtmlAssert.Hrefs(messages[1]));
        Assert.DoesNotContain(longItem, all, StringComparison.Ordinal);
        Assert.Contains(longItem[..ChannelDraftBuilder.MaxTimelineChars].TrimEnd() + "… (full message)", all, StringComparison.Ordinal);
        Assert.Contains(entries[1998].Permalink!, TeamsHtmlAssert.Hrefs(messages[1]));
        Assert.DoesNotContain(rootCause, all, StringComparison.Ordinal);
        Assert.Contains("Why: w1 w2 w3", all, StringComparison.Ordinal);
        Assert.Equal(3, TeamsHtmlAssert.PlainText(messages[0]).Split('\n').Count(line => line.StartsWith("What broke: ", StringComparison.Ordinal)
            || line.StartsWith("For how long: ", StringComparison.Ordinal) || (line.StartsWith("Why: ", StringComparison.Ordinal) && line.EndsWith('…'))));
    }

    [Fact]
    public void A_root_cause_too_long_for_any_message_fills_the_first_and_goes_on_after_a_marker()
    {
        var rootCause = string.Join(' ', Enumerable.Range(1, 9000).Select(i => $"w{i}"));
        var (incident, entries) = Incident(3, i => $"line {i}");
        var document = PostmortemDraft.Build(incident with { RootCause = rootCause }, entries);

        var messages = Paged(document, PostmortemHeadings.RootCause);

        AssertWithinLimits(messages);
        Assert.InRange(messages[0].Length, TeamsLimits.MaxMessageChars - 600, TeamsLimits.MaxMessageChars);
        Assert.Contains("<b>Root cause:</b> w1 w2 ", messages[0], StringComparison.Ordinal);
        Assert.Contains("</i></p><p><i>(continued)</i> w", messages[1], StringComparison.Ordinal);
        Assert.Single(TeamsHtmlAssert.PlainTextOfAll(messages).Split("Root cause: " + rootCause + "\n").Skip(1));
    }

    [Fact]
    public void Continuation_messages_name_the_post_and_no_message_ends_on_a_heading()
    {
        var (incident, entries) = Incident(2000, i => $"step {i}: checked the dashboards", every: TimeSpan.FromMinutes(1));
        var document = PostmortemDraft.Build(incident, entries);

        var messages = Paged(document, PostmortemHeadings.Timeline);

        Assert.True(messages.Count > 2);
        var cutTitle = document.Title[..TeamsLimits.MaxContinuationTitleChars] + "…";
        for (var i = 1; i < messages.Count; i++)
        {
            var firstLine = TeamsHtmlAssert.PlainText(messages[i]).Split('\n')[0];
            Assert.Equal($"{cutTitle} (continued {i + 1}/{messages.Count})", firstLine);
        }

        AssertNoMessageEndsOnAHeading(messages);
        Assert.DoesNotContain(messages, m => m.Contains("<i>(continued)</i>", StringComparison.Ordinal));
    }

    [Fact]
    public void Wherever_a_message_ends_it_does_not_end_on_a_heading()
    {
        // Growing the paragraph a few characters at a time moves the headings after it across a message end.
        for (var length = TeamsLimits.MaxMessageChars - 2000; length < TeamsLimits.MaxMessageChars - 400; length += 7)
        {
            var section = new PostmortemSection(PostmortemHeadings.RootCause,
            [
                new ParagraphBlock(ChatText.Of(new string('r', length))),
                new SubheadingBlock("Supporting messages"),
                new SubheadingBlock("More"),
                new BulletListBlock([ChatText.Of("one"), ChatText.Of("two")]),
            ]);

            var messages = TeamsMessages.Section("INC-7: Checkout", ChatText.Of("SEV2"), section);

            AssertWithinLimits(messages);
            AssertNoMessageEndsOnAHeading(messages);
        }
    }

    [Fact]
    public void A_long_list_is_split_between_its_items_not_inside_one()
    {
        var improvements = Enumerable.Range(1, 600).Select(i => $"improvement {i}: " + string.Concat(Enumerable.Repeat("*check* ", 8))).ToList();
        var (incident, entries) = Incident(3, i => $"line {i}");
        var document = PostmortemDraft.Build(incident with { Improvements = improvements }, entries);

        var messages = Paged(document, PostmortemHeadings.Measures);

        Assert.True(messages.Count > 2);
        AssertWithinLimits(messages);
        Assert.DoesNotContain(messages, m => m.Contains("<i>(continued)</i>", StringComparison.Ordinal));
        var texts = messages.Select(TeamsHtmlAssert.PlainText).ToList();
        Assert.All(improvements, item => Assert.Single(texts, t => t.Contains($"\n• {item}\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_long_list_in_the_channel_keeps_its_first_items_and_counts_the_rest()
    {
        var improvements = Enumerable.Range(1, 600).Select(i => $"improvement {i}").ToList();
        var (incident, entries) = Incident(3, i => $"line {i}");

        var all = TeamsHtmlAssert.PlainTextOfAll(TeamsMessages.Draft(ChannelVersion(incident with { Improvements = improvements }, entries), MarkdownUrl));

        Assert.Contains($"\n• improvement {ChannelDraftBuilder.MaxListItems}\n", all, StringComparison.Ordinal);
        Assert.DoesNotContain($"improvement {ChannelDraftBuilder.MaxListItems + 1}", all, StringComparison.Ordinal);
        Assert.Contains($"\n{600 - ChannelDraftBuilder.MaxListItems} more in the incident's dashboard page.\n", all, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_message_fits_the_documented_40_KB_in_a_real_reply_activity()
    {
        var (incident, entries) = Incident(2000, i => $"step {i}: @here **{i}** <at>x</at> [a](http://e)", every: TimeSpan.FromMinutes(1));
        var document = PostmortemDraft.Build(incident, entries);
        var largest = Paged(document, PostmortemHeadings.Timeline).MaxBy(m => m.Length)!;
        var incoming = JsonConvert.DeserializeObject<Activity>(Fixtures.Teams.Text("activity_message_channel_mention_thread_reply.json"))!;

        var reply = incoming.CreateReply(largest);
        reply.TextFormat = TextFormatTypes.Xml;
        reply.ChannelData = incoming.ChannelData;
        var json = JsonConvert.SerializeObject(reply);

        Assert.True(largest.Length > TeamsLimits.MaxMessageChars - 500);
        Assert.InRange(json.Length * sizeof(char), 1, 40 * 1024);
    }

    [Fact]
    public void The_timeline_verb_renders_one_section_under_a_title()
    {
        var (incident, entries) = Incident(30, i => $"line {i}");
        var section = PostmortemDraft.BuildTimeline(incident, entries);

        var messages = TeamsMessages.Section("INC-7: Checkout <at>x</at>", ChatText.Of("SEV2 · Ongoing"), section);

        AssertWithinLimits(messages);
        var message = Assert.Single(messages);
        Assert.StartsWith("<p><b>INC-7: Checkout &lt;at&gt;x&lt;/at&gt;</b></p><p>SEV2 · Ongoing</p><p><b>Timeline</b></p><p>• ", message, StringComparison.Ordinal);
        Assert.Contains(": line 30\n", TeamsHtmlAssert.PlainText(message), StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_timeline_for_the_timeline_verb_continues_under_its_title()
    {
        var (incident, entries) = Incident(1000, i => $"line {i}");
        var section = PostmortemDraft.BuildTimeline(incident, entries);

        var messages = TeamsMessages.Section("INC-7: Checkout", ChatText.Of("SEV2"), section);

        Assert.True(messages.Count > 1);
        AssertWithinLimits(messages);
        var all = TeamsHtmlAssert.PlainTextOfAll(messages);
        Assert.All(Enumerable.Range(1, 1000), i => Assert.Contains($": line {i}\n", all, StringComparison.Ordinal));
    }

    [Fact]
    public void An_announcement_is_one_message_with_its_user_text_literal()
    {
        var text = new ChatTextBuilder().Strong("INC-7 started").Plain(" by Alice: <at>Everyone</at> **db** down @channel").Build();

        var message = Assert.Single(TeamsMessages.Announcement(text));

        Assert.Equal("<p><b>INC-7 started</b> by Alice: &lt;at&gt;Everyone&lt;/at&gt; &#42;&#42;db&#42;&#42; down &#64;channel</p>", message);
    }

    [Fact]
    public void A_ten_thousand_character_argument_splits_and_reads_back_whole()
    {
        var argument = string.Concat(Enumerable.Repeat("**&<@here> ", 1000));
        var text = new ChatTextBuilder().Strong("INC-7 impact").Plain(" set by Alice: ").Plain(argument).Build();

        var messages = TeamsMessages.Announcement(text);

        Assert.True(messages.Count > 1);
        AssertWithinLimits(messages);
        Assert.Equal("INC-7 impact set by Alice: " + argument + "\n", TeamsHtmlAssert.PlainTextOfAll(messages));
    }
}
