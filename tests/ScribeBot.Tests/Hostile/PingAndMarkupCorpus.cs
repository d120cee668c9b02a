namespace ScribeBot.Tests.Hostile;

/// <summary>
/// Message texts that would ping people, format, link or break a layout if any surface re-posted them as markup
/// (issue 7, item 5). One corpus for every surface: Slack, Teams, the dashboard, the downloads.
/// </summary>
internal static class PingAndMarkupCorpus
{
    /// <summary>The texts, each with a short name for failure messages.</summary>
    public static IReadOnlyList<(string Name, string Text)> Texts { get; } =
    [
        ("slack-channel", "<!channel> db is down"),
        ("slack-here", "<!here|here> look"),
        ("slack-everyone", "<!everyone> all hands"),
        ("slack-subteam", "<!subteam^S123|@oncall> wake up"),
        ("slack-user", "ask <@U123> and <@W456|bob>"),
        ("slack-channel-link", "see <#C123|general>"),
        ("slack-link", "<https://evil.example|click> here"),
        ("slack-date", "<!date^1392734382^{date}|Feb 18>"),
        ("plain-broadcasts", "@channel @here @everyone @Channel @HERE"),
        ("teams-at", "<at>Alice Ng</at> and <at id=\"0\">General</at>"),
        ("entities", "already escaped &lt;!channel&gt; &amp;lt;b&amp;gt; &#64;here"),
        ("md-inline", "*bold* _it_ ~strike~ **strong** __u__ ~~gone~~"),
        ("backticks", "`code` and ```fence``` inline"),
        ("fence", "```\nSELECT * FROM users;\n```"),
        ("quote", "> quoted line\n>>> rest quoted"),
        ("heading", "# heading\n## second\n- bullet\n1. item"),
        ("md-link", "[link](javascript:alert(1)) [ok](https://evil.example)"),
        ("md-image", "![img](http://x.example/a.png)"),
        ("table", "| a | b |\n|---|---|\n| 1 | 2 |"),
        ("script", "<script>alert('x')</script>"),
        ("img", "<img src=x onerror=alert(1)>"),
        ("close-tags", "</div></td></table></article></svg></textarea></title>"),
        ("attr-break", "\" onmouseover=\"alert(1)\" x='y'"),
        ("block-kit", "{\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"<!channel>\"}}]}"),
        ("zero-width", "@\u200Dchannel z\u200Bw\u2060j\uFEFFoin"),
        ("rtl", "\u202Egnp.exe\u202C \u2066iso\u2069 \u200Fmark"),
        ("rtl-left-open", "\u202Egnp.exe and \u2067an isolate never closed"),
        ("long-line", "x" + new string('w', 3900) + " @channel"),
        ("newlines", "first line\nsecond line\r\nthird\rfourth"),
        ("mermaid", "a --> b; \"quoted\" %% comment\nend\nclick A call alert(1)\nsubgraph x"),
        ("mermaid-init", "%%{init: {\"theme\":\"dark\"}}%% graph TD; A-->B"),
        ("html-comment", "<!-- hidden --> <![CDATA[x]]> <?xml ?>"),
        ("emoji", "🔥 <:fire:> :rotating_light:"),
    ];

    /// <summary>A single line that stands in for a title, a summary or a name (newlines included on purpose).</summary>
    public const string Title = "<!channel> *Checkout* <script>x</script> @here\n# 502 --> end; %%";

    /// <summary>A display name that tries to be markup.</summary>
    public const string Name = "<b>Mallory</b> <@U999> @everyone";

    /// <summary>An escalation target and reason that try to ping.</summary>
    public const string EscalateTarget = "<!subteam^S123|@oncall> <at>Dana</at> @channel [x](javascript:alert(1)) \u202Edesrever";

    /// <summary>A resolve summary that tries to ping and format.</summary>
    public const string ResolveSummary = "<!here> rolled *back* <img src=x onerror=alert(1)> `done`";

    /// <summary>Every text the corpus sends, so a test can check each arrives somewhere.</summary>
    public static IEnumerable<string> All =>
        Texts.Select(t => t.Text).Append(Title).Append(Name).Append(EscalateTarget).Append(ResolveSummary);
}
