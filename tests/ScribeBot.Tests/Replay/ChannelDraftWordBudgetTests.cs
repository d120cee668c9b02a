using ScribeBot.Core.Configuration;
using ScribeBot.Core.Postmortem.ChannelVersion;
using ScribeBot.Slack.Blocks;
using ScribeBot.Teams.Rendering;

namespace ScribeBot.Tests.Replay;

/// <summary>
/// The draft as posted in a channel stays within the 400-600 word guideline: the words counted are those of what is
/// actually posted (every block of the Slack message and its thread replies; every Teams message), for the samples
/// replayed through the core and for a long incident, which says how many entries it leaves out and where they are.
/// </summary>
public sealed class ChannelDraftWordBudgetTests
{
    private const int MaxWords = 600;
    private static readonly ChatText Place = ChatText.Of("the Markdown file in this thread");

    public static TheoryData<string> Samples => ["checkout-502", "search-timeouts-minimal", "pagerduty-checkout"];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task A_sample_posted_in_slack_or_teams_is_under_600_words_and_leads_with_what_why_and_how_long(string sample)
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Samples, sample + ".json"));
        var draft = await ChannelDraftOfAsync(json);

        var slack = SlackWords(draft);
        var teams = TeamsWords(draft);

        Assert.InRange(slack.Words, 1, MaxWords - 1);
        Assert.InRange(teams.Words, 1, MaxWords - 1);
        Assert.StartsWith("What broke:", draft.Lead.WhatBroke.ToPlainString(), StringComparison.Ordinal);
        Assert.Contains("What broke:", slack.Text, StringComparison.Ordinal);
        Assert.Contains("For how long:", teams.Text, StringComparison.Ordinal);
        Assert.True(slack.Text.IndexOf("Why:", StringComparison.Ordinal) < slack.Text.IndexOf(PostmortemHeadings.IssueSummary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_full_sample_keeps_the_milestones_and_every_line_the_guideline_asks_for_and_its_lead_states_the_facts()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Samples, "checkout-502.json"));
        var (full, draft) = await DraftsOfAsync(json);

        var all = TimelineOf(full);
        var kept = TimelineOf(draft.Document);
        var left = all.Where(item => !kept.Contains(item)).ToList();
        Assert.Equal(all.Count - kept.Count, draft.LeftOutEntries);
        Assert.NotEmpty(left);
        Assert.All(left, item => Assert.True(item.Kind is "Action" or "Key event", item.Kind));
        Assert.Contains(kept, item => item.Kind == "Misleading" && item.Text.ToPlainString().StartsWith("Suspected a Stripe EU outage", StringComparison.Ordinal));
        Assert.Equal(2, kept.Count(item => item.Kind == "Escalation"));
        Assert.Equal(
            "What broke: Checkout fails with HTTP 502 for about a third of attempts; carts are kept, card payments cannot complete (23% of users)",
            draft.Lead.WhatBroke.ToPlainString());
        Assert.Equal("For how long: 53 minutes, 30 seconds, 14:55-15:48 Europe/Berlin (CET)", draft.Lead.HowLong.ToPlainString());
        Assert.StartsWith("Why: A typo in the payments-api v2.41 Helm values", draft.Lead.Why.ToPlainString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_incident_stays_under_600_words_and_says_how_many_entries_are_left_out_and_where()
    {
        string[] reactions = ["rotating_light", "hammer_and_wrench", "x", "arrow_double_up", "pushpin", "dart", "white_check_mark"];
        var start = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);
        var messages = new JsonArray(Message("m0", start, "Alice Ng", "/incident start Search times out for every query sev1"));
        for (var i = 1; i <= 200; i++)
        {
            var message = Message($"m{i}", start.AddSeconds(30 * i), i % 2 == 0 ? "Bo Chen" : "Priya Raman",
                $"observation {i}: the search p99 went from 300 ms to {i} seconds on shard {i % 12} after the reindex job restarted");
            message["reactions"] = new JsonArray(new JsonObject { ["emoji"] = reactions[i % reactions.Length], ["user"] = "Alice Ng" });
            messages.Add(message);
        }

        messages.Add(Message("m201", start.AddSeconds(30 * 201), "Alice Ng", "/incident rootcause the reindex job ran with the wrong shard map"));
        messages.Add(Message("m202", start.AddSeconds(30 * 202), "Alice Ng", "/incident resolve rolled back the shard map"));
        var transcript = new JsonObject { ["channel"] = "search-oncall", ["timeZone"] = "UTC", ["messages"] = messages };

        var draft = await ChannelDraftOfAsync(transcript.ToJsonString());

        var slack = SlackWords(draft);
        var teams = TeamsWords(draft);
        Assert.InRange(slack.Words, 400, MaxWords - 1);
        Assert.InRange(teams.Words, 400, MaxWords - 1);
        Assert.InRange(draft.LeftOutEntries, 150, 200);
        var note = $"{draft.LeftOutEntries} more timeline entries are left out here; the full timeline is in the Markdown file in this thread.";
        Assert.Contains(note, slack.Text, StringComparison.Ordinal);
        Assert.Contains(note, teams.Text, StringComparison.Ordinal);

        // The rule: milestones (detection is a tagged message here, so no milestone stands in for it), then detection, escalation, misleading, root cause and resolution lines, latest first.
        var timeline = TimelineOf(draft.Document);
        Assert.Equal(["Declared", "Resolved"], timeline.Where(i => i.Origin == TimelineItemOrigin.Milestone).Select(i => i.Kind));
        Assert.Contains(timeline, i => i.Text.ToPlainString().StartsWith("observation 199:", StringComparison.Ordinal));
        Assert.DoesNotContain(timeline, i => i.Kind is "Action" or "Key event");
        Assert.Equal(timeline.OrderBy(i => i.At), timeline);
    }

    private static JsonObject Message(string id, DateTimeOffset at, string user, string text) =>
        new() { ["id"] = id, ["at"] = at.ToString("O", CultureInfo.InvariantCulture), ["user"] = user, ["text"] = text };

    private static async Task<ChannelDraft> ChannelDraftOfAsync(string json) => (await DraftsOfAsync(json)).Channel;

    /// <summary>The transcript replayed through the core (as the <c>replay</c> verb does): the full draft and its channel version.</summary>
    private static async Task<(PostmortemDocument Full, ChannelDraft Channel)> DraftsOfAsync(string json)
    {
        var transcript = TranscriptReader.Read(json);
        var outcome = await ReplayVerb.ReplayAsync(transcript, new ScribeOptions { TimeZone = transcript.TimeZone ?? "UTC" }, CancellationToken.None);
        var (incident, entries) = Assert.Single(outcome.Incidents);
        var full = PostmortemDraft.Build(incident, entries);
        return (full, ChannelDraftBuilder.Build(full, LeadBuilder.Build(incident, entries), Place));
    }

    private static List<TimelineItem> TimelineOf(PostmortemDocument document) =>
        [.. document.Sections.Single(s => s.Heading == PostmortemHeadings.Timeline).Blocks.OfType<TimelineBlock>().Single().Items];

    /// <summary>Every text of every block of every Slack message, as a reader sees it, and its words.</summary>
    private static (string Text, int Words) SlackWords(ChannelDraft draft)
    {
        var texts = PostmortemBlocks.Render(draft)
            .SelectMany(message => JsonNode.Parse(message.ToJsonString())!["blocks"]!.AsArray())
            .SelectMany(block => (string)block!["type"]! switch
            {
                "header" or "section" => [(string)block["text"]!["text"]!],
                "context" => block["elements"]!.AsArray().Select(e => (string)e!["text"]!),
                _ => [],
            });
        var text = string.Join("\n", texts.Select(t =>
            WebUtility.HtmlDecode(Regex.Replace(t, @"<[^|>]+\|([^>]*)>", "$1")).Replace("\u2060", "", StringComparison.Ordinal)
                .Replace("*", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)));
        return (text, Words(text));
    }

    /// <summary>Every Teams message as text without its tags, and its words.</summary>
    private static (string Text, int Words) TeamsWords(ChannelDraft draft)
    {
        var text = string.Join("\n", TeamsMessages.Draft(draft, markdownUrl: null).Select(html =>
            WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<br/>|</p>", "\n"), "<[^>]+>", ""))));
        return (text, Words(text));
    }

    // The draft's own word rule: a white-space separated token with a letter or a digit.
    private static int Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(token => token.Any(char.IsLetterOrDigit));
}
