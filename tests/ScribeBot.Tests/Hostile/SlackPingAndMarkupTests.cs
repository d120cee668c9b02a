namespace ScribeBot.Tests.Hostile;

/// <summary>
/// Issue 7, item 5 on Slack, end to end over loopback HTTP: every text of <see cref="PingAndMarkupCorpus"/> is sent as
/// a channel message (as Slack sends a real mention, and as Slack sends the same characters typed literally), tagged
/// into the timeline, and used as the title, display name, escalation, update and resolve summary. Everything the bot
/// then sent to the fake Slack (every JSON string, every Block Kit text object, the uploaded Markdown) is checked, and
/// compared with a twin incident whose texts have every symbol replaced by a letter: the hostile one must have exactly
/// the twin's markup. The channel version of the postmortem draft keeps the timeline lines that fit its word budget,
/// and the twin counts words differently (a resolved mention, "--&gt;" against "aaa"), so the two drafts may keep
/// different lines: there each timeline line is compared on its own with the twin's lines of its kind, and all the rest
/// exactly as a whole. Making the twin count the same words is no option: Slack markup the bot resolves
/// ("&lt;@W456|bob&gt;" shown as "@bob") has no letters-only twin of the same length and word count.
/// </summary>
public sealed partial class SlackPingAndMarkupTests
{
    private static readonly string[] Emoji =
        ["rotating_light", "hammer_and_wrench", "x", "arrow_double_up", "dart", "white_check_mark", "pushpin"];

    [Fact]
    public async Task Nothing_the_bot_posts_to_slack_can_ping_link_or_format_from_user_text()
    {
        var hostileRun = RunAsync(s => s);
        var plainRun = RunAsync(Plain);
        await Task.WhenAll(hostileRun, plainRun);
        var hostile = await hostileRun;
        var plain = await plainRun;

        // Every chat.postMessage goes out with link_names false: Slack then never links "@channel" typed as text.
        Assert.All(hostile.Messages, m => Assert.False(m["link_names"]!.GetValue<bool>()));

        var texts = hostile.Messages.Concat(hostile.Other).SelectMany(TextObjects).ToList();
        Assert.NotEmpty(texts);
        foreach (var (type, text) in texts)
        {
            AssertCannotPing(text, type);
        }

        // Each user text arrived (as text), so the checks above did look at it.
        var all = string.Join("\n", texts.Select(t => t.Text));
        Assert.Contains("SELECT ∗ FROM users;", all, StringComparison.Ordinal);
        Assert.Contains("∗bold∗ ˍitˍ ∼strike∼", all, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt;", all, StringComparison.Ordinal);

        // The bot's own structure: the same messages with the same kinds of blocks, and the same markup, as the twin.
        Assert.Equal(hostile.Messages.Count, plain.Messages.Count);
        for (var i = 0; i < hostile.Messages.Count; i++)
        {
            Assert.Equal(BlockShape(plain.Messages[i]), BlockShape(hostile.Messages[i]));
        }

        // The channel draft keeps the timeline lines that fit its word budget, and the twin's texts count differently
        // as words (a resolved mention is one word, its twin's letters another count), so the two drafts may keep
        // different lines. Everything but the timeline lines has exactly the twin's markup; each timeline line has
        // exactly the markup of a twin line of its kind, which is the bot's own since twin text has no symbol.
        var hostileParts = TimelineLines(MrkdwnTexts(hostile.Messages));
        var plainParts = TimelineLines(MrkdwnTexts(plain.Messages));
        Assert.Equal(Markup(plainParts.Others), Markup(hostileParts.Others));
        AssertLinesHaveTwinMarkup(plainParts.Lines, hostileParts.Lines);

        AssertMarkdownIsInert(hostile.Markdown);
        Assert.Equal(MarkdownMarkup(plain.Markdown), MarkdownMarkup(hostile.Markdown));
    }

    /// <summary>Each string a Slack client would show, with how it is read: plain_text, or mrkdwn (the fallback <c>text</c> too).</summary>
    internal static IEnumerable<(string Type, string Text)> TextObjects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var type = (string?)obj["type"] is "plain_text" ? "plain_text" : "mrkdwn";
                foreach (var (name, value) in obj)
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        // Ids, urls and types are no text, but a ping there would still be wrong: check every string.
                        yield return (name == "text" ? type : "other:" + name, s);
                    }
                    else
                    {
                        foreach (var inner in TextObjects(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in TextObjects(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// No Slack control sequence but links the bot wrote to its own targets; no broadcast word; no Markdown quote.
    /// Slack's "Formatting text for app surfaces": a raw <c>&lt;</c> starts a mention, a special mention or a link.
    /// </summary>
    internal static void AssertCannotPing(string text, string type)
    {
        foreach (Match sequence in ControlSequence().Matches(text))
        {
            Assert.True(OwnLink().IsMatch(sequence.Value), $"{type} carries the control sequence {sequence.Value}:\n{text}");
        }

        Assert.False(BroadcastWord().IsMatch(text), $"{type} carries a broadcast word:\n{text}");
        Assert.True(BidiText.Closers(text).Length == 0, $"{type} leaves a direction override open:\n{text}");
        Assert.DoesNotContain("<at>", text, StringComparison.OrdinalIgnoreCase);
        if (type == "mrkdwn")
        {
            Assert.False(QuoteLine().IsMatch(text), $"a line of mrkdwn starts a quote:\n{text}");
            Assert.DoesNotContain("```", text, StringComparison.Ordinal);
        }
    }

    /// <summary>Block types of a message, runs of sections counted once (escaping lengthens text, which may add one).</summary>
    private static string BlockShape(JsonObject message)
    {
        var types = message["blocks"]!.AsArray().Select(b => (string)b!["type"]!).ToList();
        var collapsed = types.Where((t, i) => i == 0 || t != "section" || types[i - 1] != "section");
        return string.Join(",", collapsed);
    }

    private static List<string> MrkdwnTexts(IEnumerable<JsonObject> messages) =>
        [.. messages.SelectMany(TextObjects).Where(t => t.Type == "mrkdwn").Select(t => t.Text)];

    /// <summary>How many of each mrkdwn marker the texts carry.</summary>
    private static string Markup(IEnumerable<string> texts)
    {
        var text = string.Concat(texts);
        return string.Join(" ", "*_~`<>".Select(c => $"{c}{text.Count(x => x == c)}"));
    }

    /// <summary>
    /// The timeline lines ("• 21:20:56 - *Kind* - who: text", with the text's own continuation lines) of every text,
    /// each with its kind, and the texts without them. A user's text cannot start such a line: its "*" is escaped.
    /// </summary>
    private static (List<string> Others, List<(string Kind, string Line)> Lines) TimelineLines(IEnumerable<string> texts)
    {
        var lines = new List<(string Kind, string Line)>();
        var rest = texts.Select(text => TimelineLine().Replace(text, m =>
        {
            lines.Add((m.Groups["kind"].Value, m.Value));
            return "";
        })).ToList();
        return (rest, lines);
    }

    /// <summary>
    /// Each hostile timeline line has the markup of a twin's line of its kind. The twin's texts have no symbol, so its
    /// lines carry the bot's own markup and nothing else (the kind's "*", a "full message" link where a line is cut);
    /// a hostile line with one marker more or less let user text format. Each run's times start from its own reading of
    /// the wall clock, so a line is matched to its twin by kind, not by time.
    /// </summary>
    private static void AssertLinesHaveTwinMarkup(List<(string Kind, string Line)> plain, List<(string Kind, string Line)> hostile)
    {
        Assert.NotEmpty(hostile);
        var twin = plain.GroupBy(l => l.Kind).ToDictionary(g => g.Key, g => g.Select(l => Markup([l.Line])).ToHashSet());
        foreach (var (kind, line) in hostile)
        {
            var markup = Markup([line]);
            Assert.True(twin.TryGetValue(kind, out var expected), $"the twin has no {kind} line to compare:\n{line}");
            Assert.True(expected.Contains(markup), $"a {kind} line has the markup {markup}, its twin's {string.Join(" or ", expected)}:\n{line}");
        }
    }

    /// <summary>Markdown syntax not escaped with a backslash, outside the Mermaid block (which has its own check).</summary>
    private static string MarkdownMarkup(string markdown)
    {
        var text = Mermaid().Replace(markdown, "");
        var counts = "*_~`<>[]!|".Select(c => $"{c}{Regex.Count(text, $@"(?<!\\){Regex.Escape(c.ToString())}")}");
        return string.Join(" ", counts);
    }

    internal static void AssertMarkdownIsInert(string markdown)
    {
        Assert.False(BroadcastWord().IsMatch(markdown), "the Markdown carries a broadcast word");
        Assert.Equal("", BidiText.Closers(markdown));
        foreach (var bad in new[] { "<!", "<@", "<#", "<at>", "<script", "<img", "</div", "<https://evil" })
        {
            Assert.DoesNotContain(bad, markdown, StringComparison.OrdinalIgnoreCase);
        }

        // The only links are the bot's: `](<http...>)` after an unescaped `]`; a user's `\](` is escaped text. Inside the
        // Mermaid fence nothing is a link (a label keeps its text as typed; the fence is checked below).
        foreach (Match link in Regex.Matches(Mermaid().Replace(markdown, ""), @"(?<!\\)\]\((.{0,40})"))
        {
            Assert.Matches(@"^<https?://(?!evil|x\.example)", link.Groups[1].Value);
        }

        // User lines never start a block: every line is ours (heading, bullet, table row of ours) or a continuation.
        foreach (var line in markdown.Split('\n'))
        {
            Assert.False(line.StartsWith("> ", StringComparison.Ordinal), $"a quote line: {line}");
            Assert.False(line.StartsWith("# heading", StringComparison.Ordinal) || line.StartsWith("## second", StringComparison.Ordinal), $"a user heading: {line}");
        }

        var mermaid = Assert.Single(Mermaid().Matches(markdown)).Value;
        foreach (var line in mermaid.Split('\n').Skip(1).SkipLast(1))
        {
            // A label that ends a statement, starts a comment or an entity, or reads as a keyword breaks the chart.
            var statement = line.Trim();
            if (statement.StartsWith("dateFormat ", StringComparison.Ordinal) || statement.StartsWith("axisFormat ", StringComparison.Ordinal))
            {
                continue;
            }

            var label = statement.StartsWith("title ", StringComparison.Ordinal) || statement.StartsWith("section ", StringComparison.Ordinal)
                ? statement[(statement.IndexOf(' ', StringComparison.Ordinal) + 1)..]
                : statement.Split(" :", 2)[0];
            // Labels keep the text as typed: only what gantt cannot take (and the fence, tags and mentions) is an entity code.
            var outsideCodes = Regex.Replace(label, "#[0-9]+;", "");
            Assert.True(outsideCodes.IndexOfAny([';', '#', '%', '<', '>', '`', '@', ':', '\r']) < 0, $"Mermaid line: {line}");
            Assert.DoesNotContain("-->", label, StringComparison.Ordinal);
            Assert.False(label is "end" || label.StartsWith("click ", StringComparison.Ordinal) || label.StartsWith("call ", StringComparison.Ordinal), $"Mermaid line: {line}");
        }
    }

    private sealed record Run(List<JsonObject> Messages, List<JsonObject> Other, string Markdown);

    private static async Task<Run> RunAsync(Func<string, string> shape)
    {
        await using var host = await new ScribeBotApplication().WithSlack().StartKestrelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var profile = JsonNode.Parse(Fixtures.Slack.Bytes("webapi_users.info_ok.docs.json"))!;
        profile["user"]!["profile"]!["display_name"] = shape(PingAndMarkupCorpus.Name);
        host.Slack.Enqueue("users.info", Enumerable.Repeat(FakeResponse.Json(profile.ToJsonString()), 500).ToArray());

        // One clock for the run, the test's: each message and each command one second after the one before, so the two
        // runs have the same times, phases and durations however fast the machine runs them. (On the wall clock the gaps
        // were milliseconds that round to 0 s or not, and messages stamped ahead fell after the resolve or not, so the
        // drafts differed in what they state.) A slash command's instant is its signed request timestamp, so commands are
        // signed at their second; the run starts 4 minutes back, inside the 5 minutes Slack's signature check allows.
        var startSecond = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() - 240;
        var seconds = 0;
        DateTimeOffset NextSecond() => DateTimeOffset.FromUnixTimeSeconds(startSecond + ++seconds);

        var step = 0;
        async Task CommandAsync(string text)
        {
            var form = SlackPayloads.Command(text, $"1.2.{++step}");
            form["response_url"] = new Uri(host.Slack.Root, "response/" + step).AbsoluteUri;
            using var response = await host.PostSlackAsync(
                Encoding.UTF8.GetBytes(SlackPayloads.EncodeForm(form)), "application/x-www-form-urlencoded", signedAt: NextSecond());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        async Task EventAsync(JsonNode body)
        {
            using var response = await host.PostSlackJsonAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await CommandAsync($"start {shape(PingAndMarkupCorpus.Title)} sev2");
        var n = 0;
        foreach (var (_, text) in PingAndMarkupCorpus.Texts)
        {
            // As Slack sends a real mention or link, then as it sends the same characters typed literally.
            foreach (var wire in new[] { shape(text), SlackEscape(shape(text)) })
            {
                n++;
                var ts = NextSecond().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ".000100";
                await EventAsync(SlackPayloads.Event("event_message_channel.docs.json",
                    ("event_id", $"EvP{n:D4}"), ("event.ts", ts), ("event.event_ts", ts), ("event.text", wire), ("event.user", "U123ABC456")));
                await EventAsync(SlackPayloads.Event("event_reaction_added.docs.json",
                    ("event_id", $"EvR{n:D4}"), ("event.reaction", Emoji[n % Emoji.Length]), ("event.item.ts", ts),
                    ("event.event_ts", ts)));
            }
        }

        await CommandAsync($"escalate {shape(PingAndMarkupCorpus.EscalateTarget)}");
        await CommandAsync($"update {shape(PingAndMarkupCorpus.Texts[0].Text)} {shape(PingAndMarkupCorpus.Texts[18].Text)}");
        await CommandAsync($"impact {shape(PingAndMarkupCorpus.Texts[11].Text)}");
        await CommandAsync($"rootcause {shape(PingAndMarkupCorpus.Texts[15].Text)}");
        await CommandAsync($"todo {shape(PingAndMarkupCorpus.Texts[2].Text)}");
        await CommandAsync($"resolve {shape(PingAndMarkupCorpus.ResolveSummary)}");
        var markdown = await host.Slack.SharedTextAsync("INC-1-postmortem.md", timeout.Token);

        var messages = host.Slack.CallsTo("chat.postMessage").Select(c => JsonNode.Parse(c.Body)!.AsObject()).ToList();
        var other = host.Slack.Calls
            .Where(c => c.ApiMethod is not ("chat.postMessage" or "upload" or "users.info" or "auth.test") && c.Body.Length > 0 && c.Body[0] == (byte)'{')
            .Select(c => JsonNode.Parse(c.Body)!.AsObject())
            .ToList();
        return new Run(messages, other, markdown);
    }

    /// <summary>What Slack sends when a person types these characters (it escapes only these three).</summary>
    private static string SlackEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>The text with every symbol a letter: same length and lines, no markup, no mention.</summary>
    internal static string Plain(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is ' ' or '\n' ? c : 'a';
            }
        });

    [GeneratedRegex(@"^• [0-9]{1,2}:[0-9]{2}(:[0-9]{2})? - \*(?<kind>[^*\n]+)\* - (?s:.*?)(?=\n• [0-9]{1,2}:[0-9]{2}|\z)", RegexOptions.Multiline)]
    private static partial Regex TimelineLine();

    [GeneratedRegex("<[^>]*>?")]
    private static partial Regex ControlSequence();

    // The bot's own links: Slack permalinks (the fake's fixture host) and nothing a user typed.
    [GeneratedRegex(@"^<https://ghostbusters\.slack\.com/[^<>|\s]*(\|[^<>]*)?>$")]
    private static partial Regex OwnLink();

    [GeneratedRegex(@"[@＠]\s*(channel|here|everyone)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BroadcastWord();

    [GeneratedRegex(@"(^|\n)[ \u00A0]*(&gt;|>|＞)")]
    private static partial Regex QuoteLine();

    [GeneratedRegex("```mermaid\n.*?```", RegexOptions.Singleline)]
    private static partial Regex Mermaid();
}
