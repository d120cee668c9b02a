using ScribeBot.Core.Postmortem.Building;
using ScribeBot.Core.Postmortem.ChannelVersion;
using ScribeBot.Core.Postmortem.Document;
using ScribeBot.Slack.Tests.Text;

namespace ScribeBot.Slack.Tests.Blocks;

public sealed class PostmortemBlocksTests
{
    private static readonly ChannelRef Channel = new(ChatPlatform.Slack, "T0ACME", "C0123");
    private static readonly Person Alice = new("U01ALICE", "Alice Ng");
    private static readonly Person Bo = new("U02BO", "Bo Chen");
    private static readonly DateTimeOffset Declared = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);

    private static readonly string[] Hostile =
    [
        "<!channel> everyone look", "@here rollback now", "*bold* claim", "<script>alert(1)</script>", "```rm -rf /```",
        "a | b | c", "<https://evil.example|your bank>", "> not a quote", "<@U02BO> did it", new string('x', 10_000),
    ];

    /// <summary>An incident with <paramref name="count"/> tagged messages, so every one of them is a timeline line.</summary>
    private static (Incident Incident, List<TimelineEntry> Entries) Incident(int count, Func<int, string> text)
    {
        var incident = new Incident
        {
            Id = ScribeBot.Core.Incidents.Incident.MakeId(Channel, 7),
            Number = 7,
            Channel = Channel,
            Title = "Checkout <!channel> *down* " + new string('t', 180),
            Severity = Severity.Sev2,
            TimeZoneId = "Europe/Berlin",
            Declared = new Milestone(Declared, Alice),
            Status = IncidentStatus.Resolved,
            Resolved = new Milestone(Declared.AddSeconds(15 * (count + 1)), Alice),
            Impact = "@everyone cannot pay",
        };
        var tags = new[] { TimelineTag.Action, TimelineTag.Misleading, TimelineTag.KeyEvent, TimelineTag.Escalation };
        var entries = Enumerable.Range(1, count).Select(i =>
        {
            var at = Declared.AddSeconds(15 * i);
            return new TimelineEntry
            {
                IncidentId = incident.Id,
                MessageId = $"{at.ToUnixTimeSeconds()}.{i:D6}",
                At = at,
                Author = i % 2 == 0 ? Alice : Bo,
                Text = text(i),
                Permalink = $"https://acme.slack.com/archives/C0123/p{at.ToUnixTimeSeconds()}{i:D6}",
                Source = EntrySource.Message,
                Marks = [new TagMark(tags[i % tags.Length], Bo.Id)],
            };
        }).ToList();
        return (incident, entries);
    }

    private static ChannelDraft ChannelVersion(Incident incident, List<TimelineEntry> entries) =>
        ChannelDraftBuilder.Build(PostmortemDraft.Build(incident, entries), LeadBuilder.Build(incident, entries), ChatText.Of("the Markdown file in this thread"));

    private static List<JsonObject> BlocksOf(SlackMessagePayload message) =>
        JsonNode.Parse(message.ToJsonString())!["blocks"]!.AsArray().Select(b => b!.AsObject()).ToList();

    private static IEnumerable<string> TextsOf(JsonObject block) => (string)block["type"]! switch
    {
        "header" or "section" => [(string)block["text"]!["text"]!],
        "context" => block["elements"]!.AsArray().Select(e => (string)e!["text"]!),
        _ => [],
    };

    private static void AssertWithinLimits(IReadOnlyList<SlackMessagePayload> messages)
    {
        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            var blocks = BlocksOf(message);
            Assert.InRange(blocks.Count, 1, 50);
            Assert.InRange(message.Text.Length, 1, 4000);
            Assert.InRange(blocks.Sum(b => TextsOf(b).Sum(t => t.Length)), 0, 40_000);
            Assert.False((bool)JsonNode.Parse(message.ToJsonString())!["link_names"]!);
            foreach (var block in blocks)
            {
                switch ((string)block["type"]!)
                {
                    case "header":
                        Assert.Equal("plain_text", (string)block["text"]!["type"]!);
                        Assert.InRange(((string)block["text"]!["text"]!).Length, 1, 150);
                        break;
                    case "section":
                        Assert.InRange(((string)block["text"]!["text"]!).Length, 1, 3000);
                        SlackMrkdwnTests.AssertInert((string)block["text"]!["text"]!);
                        break;
                    case "context":
                        Assert.All(TextsOf(block), t => Assert.InRange(t.Length, 1, 2000));
                        break;
                    case "divider":
                        break;
                    default:
                        Assert.Fail("unexpected block " + block["type"]);
                        break;
                }
            }
        }
    }

    [Fact]
    public void A_two_thousand_line_timeline_verb_is_split_within_every_limit_and_loses_no_line()
    {
        var (incident, entries) = Incident(2000, i => $"step {i}: {(i % 100 == 0 ? Hostile[i / 100 % Hostile.Length] : "checked the dashboards")}");
        var section = PostmortemDraft.BuildTimeline(incident, entries);

        var messages = PostmortemBlocks.RenderSection("INC-7: Checkout", ChatText.Of("SEV2"), section);

        Assert.True(messages.Count > 2);
        AssertWithinLimits(messages);
        var all = string.Join("\n", messages.SelectMany(BlocksOf).SelectMany(TextsOf));
        foreach (var entry in entries.Where(e => !e.Text.Contains('<', StringComparison.Ordinal)))
        {
            Assert.Contains($"{entry.Permalink}|", all, StringComparison.Ordinal);
        }

        foreach (var i in Enumerable.Range(1, 2000).Where(i => i % 100 != 0))
        {
            Assert.Contains($"step {i}: checked the dashboards", all, StringComparison.Ordinal);
        }

        Assert.Contains("(continued 2/", messages[1].Text, StringComparison.Ordinal);
        Assert.Contains($"(continued {messages.Count}/{messages.Count})", TextsOf(BlocksOf(messages[^1])[0]).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_message_is_the_lead_and_the_summary_and_the_thread_holds_the_rest_but_no_transcript()
    {
        var (incident, entries) = Incident(300, i => $"line {i}");
        var draft = ChannelVersion(incident, entries);

        var messages = PostmortemBlocks.Render(draft);

        AssertWithinLimits(messages);
        var headers = messages.SelectMany(BlocksOf).Where(b => (string)b["type"]! == "header").Select(b => (string)b["text"]!["text"]!).ToList();
        var first = BlocksOf(messages[0]).Where(b => (string)b["type"]! == "header").Select(b => (string)b["text"]!["text"]!).ToList();
        Assert.Equal(PostmortemHeadings.IssueSummary, first[^1]);
        Assert.Equal(2, messages.Count);
        Assert.Equal(
            [PostmortemHeadings.IssueSummary, PostmortemHeadings.Timeline, PostmortemHeadings.RootCause, PostmortemHeadings.Measures],
            headers.Skip(1));
        Assert.DoesNotContain(headers, h => h.Contains("Transcript", StringComparison.Ordinal));
        var texts = BlocksOf(messages[0]).SelectMany(TextsOf).ToList();
        Assert.Equal(
            "*What broke:* @\u2060everyone cannot pay\n"
            + "*For how long:* 1 hour, 15 minutes, 14:00-15:15 Europe/Berlin (CET) (from the declaration; impact start not recorded)\n"
            + "*Why:* _not yet known - tag a root cause or use /incident rootcause &lt;text&gt;_",
            texts[2]);
        Assert.Contains(texts, t => t.StartsWith("Word count", StringComparison.Ordinal));
        Assert.InRange(draft.LeftOutEntries, 200, 300);
        Assert.Contains(BlocksOf(messages[1]).SelectMany(TextsOf), t =>
            t.StartsWith($"_{draft.LeftOutEntries} more timeline entries are left out here; the full timeline is in", StringComparison.Ordinal)
            && t.EndsWith(" the Markdown file in this thread.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_hostile_text_comes_out_inert_and_long_ones_shortened_with_a_link_to_the_message()
    {
        var (incident, entries) = Incident(Hostile.Length, i => Hostile[i - 1]);

        var messages = PostmortemBlocks.Render(ChannelVersion(incident, entries));

        AssertWithinLimits(messages);
        var header = TextsOf(BlocksOf(messages[0])[0]).Single();
        Assert.EndsWith("…", header, StringComparison.Ordinal);
        var all = string.Join("\n", messages.SelectMany(BlocksOf).SelectMany(TextsOf));
        TextAssert.ContainsAll(
            all,
            "&lt;!channel&gt; everyone look",
            "&lt;https://evil.example|your bank&gt;",
            $"{new string('x', ChannelDraftBuilder.MaxTimelineChars)}… (<{entries[^1].Permalink}|full message>)");
        Assert.DoesNotContain(new string('x', ChannelDraftBuilder.MaxTimelineChars + 1), all, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_title_impact_and_root_cause_stay_literal_in_the_lead()
    {
        var (incident, entries) = Incident(3, i => $"line {i}");
        incident = incident with
        {
            Title = "<!here> *Checkout* @channel down",
            Impact = "<!channel> ```payments``` > gone\n@everyone _cannot_ pay",
            RootCause = "<https://evil.example|click me> <@U02BO> ~broke~ it\n> quoted",
        };

        var messages = PostmortemBlocks.Render(ChannelVersion(incident, entries));

        AssertWithinLimits(messages);
        var lead = BlocksOf(messages[0]).SelectMany(TextsOf).Single(t => t.StartsWith("*What broke:*", StringComparison.Ordinal));
        Assert.Equal(
            "*What broke:* &lt;!channel&gt; \u02CB\u02CB\u02CBpayments\u02CB\u02CB\u02CB &gt; gone @\u2060everyone \u02CDcannot\u02CD pay\n"
            + "*For how long:* 1 minute, 14:00:00-14:01:00 Europe/Berlin (CET) (from the declaration; impact start not recorded)\n"
            + "*Why:* &lt;https://evil.example|click me&gt; &lt;@U02BO&gt; \u223Cbroke\u223C it &gt; quoted",
            lead);
        Assert.Equal("INC-7: <!here> *Checkout* @\u2060channel down", TextsOf(BlocksOf(messages[0])[0]).Single());
    }

    [Fact]
    public void Timeline_lines_link_their_time_to_the_permalink()
    {
        var (incident, entries) = Incident(1, _ => "rolled back");

        var all = string.Join("\n", PostmortemBlocks.Render(ChannelVersion(incident, entries)).SelectMany(BlocksOf).SelectMany(TextsOf));

        Assert.Matches(@"• <https://acme\.slack\.com/archives/C0123/p\d+\|\d\d:\d\d(:\d\d)?> - \*[^*]+\* - Bo Chen: rolled back", all);
    }

    [Fact]
    public void The_timeline_verb_renders_one_section_under_a_title()
    {
        var (incident, entries) = Incident(120, i => $"line {i}");
        var section = PostmortemDraft.BuildTimeline(incident, entries);

        var messages = PostmortemBlocks.RenderSection("INC-7: Checkout", ChatText.Of("SEV2"), section);

        AssertWithinLimits(messages);
        Assert.Contains("line 120", string.Join("\n", messages.SelectMany(BlocksOf).SelectMany(TextsOf)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_announcement_is_a_fallback_and_one_section()
    {
        var text = new ChatTextBuilder().Strong("INC-7 started").Plain(" by Alice: <!here> *db* down").Build();

        var message = AnnouncementBlocks.Render(text);

        var json = JsonNode.Parse(message.ToJsonString())!;
        var block = Assert.Single(json["blocks"]!.AsArray())!;
        Assert.Equal("section", (string)block["type"]!);
        Assert.Equal("*INC-7 started* by Alice: &lt;!here&gt; \u2217db\u2217 down", (string)block["text"]!["text"]!);
        Assert.Equal((string)block["text"]!["text"]!, (string)json["text"]!);
        Assert.Equal(JsonValueKind.False, JsonDocument.Parse(message.ToJsonString()).RootElement.GetProperty("link_names").ValueKind);
    }

    [Fact]
    public void A_very_long_announcement_stays_within_the_limits()
    {
        var message = AnnouncementBlocks.Render(ChatText.Of(string.Concat(Enumerable.Repeat("&<> @here ", 2000))));

        AssertWithinLimits([message]);
        Assert.EndsWith("…", message.Text, StringComparison.Ordinal);
    }
}
