namespace ScribeBot.Tests.Hostile;

/// <summary>
/// Issue 7, item 5 on Teams, end to end over loopback HTTP: every text of <see cref="PingAndMarkupCorpus"/> is sent as a
/// channel message by a person whose display name is markup, tagged into the timeline, and used as the title,
/// escalation, update and resolve summary. Every activity the bot sent to the fake connector is parsed as XML (the
/// HTML of <c>textFormat: "xml"</c>) and compared with a twin incident whose texts have every symbol replaced by a
/// letter: the same elements and attributes, no <c>&lt;at&gt;</c>, no raw Markdown syntax or broadcast word. The
/// channel version of the postmortem draft keeps the timeline lines that fit its word budget, and the twin counts words
/// differently ("--&gt;" is no word, its twin "aaa" is one), so the two drafts may keep different lines: each timeline
/// line is compared on its own with the twin's line for the same entry (time and kind), and all the rest exactly as a
/// whole, but for the "N more timeline entries" note, which only the draft that left lines out has.
/// </summary>
public sealed partial class TeamsPingAndMarkupTests
{
    private const string StartId = "1772460000000";
    private static readonly string[] Reactions = ["surprised", "angry", "like", "heart"];

    [Fact]
    public async Task Nothing_the_bot_posts_to_teams_can_mention_link_or_format_from_user_text()
    {
        var hostileRun = RunAsync(s => s);
        var plainRun = RunAsync(SlackPingAndMarkupTests.Plain);
        await Task.WhenAll(hostileRun, plainRun);
        var (hostile, hostileMarkdown) = await hostileRun;
        var (plain, plainMarkdown) = await plainRun;

        foreach (var activity in hostile)
        {
            // Everything Teams may show: all but the addressing (from/recipient echo the sender's name as metadata).
            var shown = activity.Where(p => p.Key is not ("from" or "recipient" or "conversation"))
                .Select(p => new JsonObject { [p.Key] = p.Value?.DeepClone() });
            foreach (var (name, value) in shown.SelectMany(SlackPingAndMarkupTests.TextObjects))
            {
                Assert.False(BroadcastWord().IsMatch(value), $"{name} carries a broadcast word:\n{value}");
            }

            Assert.Equal("xml", (string?)activity["textFormat"]);
            var text = (string?)activity["text"] ?? "";
            var html = Parse(text);
            Assert.True(BidiText.Closers(text).Length == 0, $"a direction override is left open:\n{text}");
            Assert.DoesNotContain(html.Descendants(), e => e.Name.LocalName == "at");
            foreach (var link in html.Descendants("a"))
            {
                Assert.Matches("^https?://(?!evil|x\\.example)", (string?)link.Attribute("href") ?? "");
            }

            // Markdown syntax only as references (&#42;), never raw in the text a Markdown pass could read.
            Assert.True(text.IndexOfAny(['*', '_', '~', '`', '[', ']', '|', '\\']) < 0 || OnlyInAttributes(html), $"raw Markdown syntax:\n{text}");
            Assert.Empty(activity["entities"]?.AsArray().Where(e => (string?)e!["type"] == "mention") ?? []);
        }

        var all = string.Join("\n", hostile.Select(a => Parse((string?)a["text"] ?? "").Value));
        Assert.Contains("<script>alert('x')</script>", all, StringComparison.Ordinal);
        Assert.Contains("SELECT * FROM users;", all, StringComparison.Ordinal);
        Assert.Contains("<b>Mallory</b>", all, StringComparison.Ordinal);

        Assert.True(plain.Count == hostile.Count, "plain:\n" + Heads(plain) + "\nhostile:\n" + Heads(hostile));
        // The channel draft keeps the timeline lines that fit its word budget, and the twin's texts count differently
        // as words ("--&gt;" is none, its twin "aaa" is one), so the two drafts may keep different lines and one may
        // need the "N more timeline entries" note where the other does not. Everything else has exactly the twin's
        // markup; each timeline line has exactly the markup of the twin's line for the same entry (its time and kind)
        // and of all the twin's lines of its kind, which is the bot's own since twin text has no symbol.
        var hostileParts = TimelineLines(hostile);
        var plainParts = TimelineLines(plain);
        Assert.Equal(Shape(plainParts.Others), Shape(hostileParts.Others));
        AssertLinesHaveTwinMarkup(plainParts.Lines, hostileParts.Lines);

        SlackPingAndMarkupTests.AssertMarkdownIsInert(hostileMarkdown);
        Assert.Contains("&lt;b&gt;Mallory&lt;/b&gt;", hostileMarkdown, StringComparison.Ordinal);
        Assert.NotEqual(plainMarkdown, hostileMarkdown);
    }

    private static string Heads(IEnumerable<JsonObject> activities) =>
        string.Join("\n", activities.Select(a => ((string?)a["text"] ?? "") is var t && t.Length > 100 ? t[..100] : t));

    private static XElement Parse(string html) => XElement.Parse("<root>" + html + "</root>", LoadOptions.PreserveWhitespace);

    private static bool OnlyInAttributes(XElement html)
    {
        var text = string.Concat(html.DescendantNodes().OfType<XText>().Select(t => t.ToString()));
        return text.IndexOfAny(['*', '_', '~', '`', '[', ']', '|', '\\']) < 0;
    }

    /// <summary>
    /// The timeline lines ("• &lt;a href&gt;14:30&lt;/a&gt; - &lt;b&gt;Kind&lt;/b&gt; - who: text") of every activity, keyed by
    /// time and kind, and the activities' texts without them (and without a paragraph that held only them) and without
    /// the channel draft's "N more timeline entries" note (which must be the bot's own text to be taken out). User text cannot start or end such a line: its
    /// "&lt;" is escaped.
    /// </summary>
    private static (List<string> Others, List<(string Time, string Kind, string Line)> Lines) TimelineLines(IEnumerable<JsonObject> activities)
    {
        var lines = new List<(string Time, string Kind, string Line)>();
        var rest = activities.Select(a =>
        {
            var text = TimelineLine().Replace((string?)a["text"] ?? "", m =>
            {
                lines.Add((m.Groups["time"].Value, m.Groups["kind"].Value, m.Value));
                return "\u0001";
            });
            // A paragraph of timeline lines only goes with them: more lines kept may spill into one more part.
            text = RemovedLines().Replace(text, "\u0002").Replace("<p>\u0002</p>", "", StringComparison.Ordinal).Replace("\u0002", "", StringComparison.Ordinal);
            return LeftOutNote().Replace(text, "");
        }).ToList();
        return (rest, lines);
    }

    private static void AssertLinesHaveTwinMarkup(
        List<(string Time, string Kind, string Line)> plain, List<(string Time, string Kind, string Line)> hostile)
    {
        Assert.NotEmpty(hostile);
        var byKind = plain.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Select(l => LineShape(l.Line)).Distinct().ToList());
        var byEntry = plain.GroupBy(l => (l.Time, l.Kind)).ToDictionary(g => g.Key, g => g.Select(l => LineShape(l.Line)).Distinct().ToList());
        foreach (var (time, kind, line) in hostile)
        {
            var shape = LineShape(line);
            Assert.True(byKind.TryGetValue(kind, out var ofKind) && ofKind.Contains(shape), $"a {kind} line has the markup {shape}:\n{line}");
            Assert.True(byEntry.TryGetValue((time, kind), out var ofEntry), $"the twin has no {time} {kind} line:\n{line}");
            Assert.True(ofEntry.Contains(shape), $"the {time} {kind} line has the markup {shape}, its twin's {string.Join(" or ", ofEntry)}:\n{line}");
        }
    }

    private static string LineShape(string line) => Shape([Parse(line)]);

    /// <summary>The element and attribute names of every activity, counted: the bot's markup and nothing else.</summary>
    private static string Shape(IEnumerable<JsonObject> activities) => Shape(activities.Select(a => Parse((string?)a["text"] ?? "")));

    private static string Shape(IEnumerable<string> texts) => Shape(texts.Select(Parse));

    private static string Shape(IEnumerable<XElement> roots)
    {
        var names = roots
            .SelectMany(root => root.Descendants())
            .SelectMany(e => e.Attributes().Select(x => e.Name.LocalName + "@" + x.Name.LocalName).Prepend(e.Name.LocalName))
            .GroupBy(n => n)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key + "=" + g.Count().ToString(CultureInfo.InvariantCulture));
        return string.Join(" ", names);
    }

    private static async Task<(List<JsonObject> Activities, string Markdown)> RunAsync(Func<string, string> shape)
    {
        await using var host = await new ScribeBotApplication().WithTeams().WithSetting("Scribe:PublicBaseUrl", "https://scribe.example.com/").StartKestrelAsync();
        var person = ("29:mallory", shape(PingAndMarkupCorpus.Name));
        var minute = 0;
        var next = 1_772_460_000_000L;
        async Task CommandAsync(string text) =>
            await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(
                host.ServiceUrl, (next += 1000).ToString(CultureInfo.InvariantCulture), text, TeamsPayloads.Start.AddMinutes(++minute), person, StartId, mentionBot: true));

        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(
            host.ServiceUrl, StartId, $"start {shape(PingAndMarkupCorpus.Title)} sev2", TeamsPayloads.Start, person, StartId, mentionBot: true));
        var n = 0;
        foreach (var (_, text) in PingAndMarkupCorpus.Texts)
        {
            var id = (next += 1000).ToString(CultureInfo.InvariantCulture);
            await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(host.ServiceUrl, id, shape(text), TeamsPayloads.Start.AddMinutes(++minute), person, StartId));
            await host.PostActivityOkAsync(TeamsPayloads.Reaction(host.ServiceUrl, id, Reactions[n++ % Reactions.Length], "29:bo", root: StartId));
        }

        await CommandAsync($"escalate {shape(PingAndMarkupCorpus.EscalateTarget)}");
        await CommandAsync($"update {shape(PingAndMarkupCorpus.Texts[0].Text)} {shape(PingAndMarkupCorpus.Texts[18].Text)}");
        await CommandAsync($"impact {shape(PingAndMarkupCorpus.Texts[11].Text)}");
        await CommandAsync($"rootcause {shape(PingAndMarkupCorpus.Texts[15].Text)}");
        await CommandAsync($"resolve {shape(PingAndMarkupCorpus.ResolveSummary)}");

        // A channel's posts leave in order: when the answer to a refused command arrives, all before it are complete.
        await CommandAsync("timeline");
        await CommandAsync("severity sev9");
        while (!host.Connector.Sent.Any(s => s.Text.Contains("sev9", StringComparison.Ordinal)))
        {
            await host.Connector.WaitForSentAsync(host.Connector.Sent.Count + 1, TimeSpan.FromSeconds(60));
        }

        var incident = await host.Store.FindLatestIncidentAsync(TeamsPayloads.Channel, CancellationToken.None);
        var markdown = await host.Client.GetStringAsync(new Uri($"incidents/{Uri.EscapeDataString(incident!.Id)}/postmortem.md", UriKind.Relative));
        return ([.. host.Connector.Sent.Select(s => s.Activity)], markdown);
    }

    [GeneratedRegex(@"(?<=<p>|<br/>)• <a href=""[^""<>]*"">(?<time>[0-9]{1,2}:[0-9]{2})</a> - <b>(?<kind>[^<]+)</b> - .*?(?=<br/>• <a href=|</p>)", RegexOptions.Singleline)]
    private static partial Regex TimelineLine();

    /// <summary>Taken-out lines with the breaks between them.</summary>
    [GeneratedRegex("\u0001(<br/>\u0001)*")]
    private static partial Regex RemovedLines();

    [GeneratedRegex(@"<p><i>[0-9]+ more timeline entr(y is|ies are) left out here; the full timeline is in </i><a href=""https://scribe\.example\.com/[^""<>]*"">the incident&#39;s dashboard page</a>\.</p>")]
    private static partial Regex LeftOutNote();

    [GeneratedRegex(@"[@＠]\s*(channel|here|everyone)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BroadcastWord();
}
