namespace ScribeBot.Slack.Tests.Text;

public sealed class SlackMrkdwnTests
{
    /// <summary>What Slack would treat as markup in rendered mrkdwn: control sequences, pings, formatting pairs, quotes.</summary>
    internal static void AssertInert(string mrkdwn)
    {
        // Every "<" left opens one of our own http(s) links.
        for (var i = mrkdwn.IndexOf('<', StringComparison.Ordinal); i >= 0; i = mrkdwn.IndexOf('<', i + 1))
        {
            Assert.True(mrkdwn.AsSpan(i).StartsWith("<http"), $"stray '<' at {i}: {mrkdwn}");
        }

        Assert.DoesNotMatch("(?i)@(channel|here|everyone)", mrkdwn);
        Assert.DoesNotMatch("(^|\n)[ ]*(&gt;|>)", mrkdwn);
        Assert.DoesNotContain("```", mrkdwn);
    }

    [Theory]
    [InlineData("<!channel> deploy now", "&lt;!channel&gt; deploy now")]
    [InlineData("<@U123> <#C1|x> <http://evil.example|bank>", "&lt;@U123&gt; &lt;#C1|x&gt; &lt;http://evil.example|bank&gt;")]
    [InlineData("*bold* _it_ ~strike~ `code`", "\u2217bold\u2217 \u02CDit\u02CD \u223Cstrike\u223C \u02CBcode\u02CB")]
    [InlineData("```rm -rf```", "\u02CB\u02CB\u02CBrm -rf\u02CB\u02CB\u02CB")]
    [InlineData("a & b < c > d", "a &amp; b &lt; c &gt; d")]
    [InlineData("&amp; stays literal", "&amp;amp; stays literal")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("> quoted\nsecond > line", "\u00AD&gt; quoted\nsecond &gt; line")]
    [InlineData("ping @here and @Channel, @everyone", "ping @\u2060here and @\u2060Channel, @\u2060everyone")]
    [InlineData("a | b", "a | b")]
    [InlineData("bell\u0007", "bell")]
    public void User_text_is_written_literally(string text, string expected)
    {
        var rendered = SlackMrkdwn.Escape(text);

        Assert.Equal(expected, rendered);
        AssertInert(rendered);
    }

    [Fact]
    public void Styles_use_mrkdwn_delimiters_around_escaped_text()
    {
        var text = new ChatTextBuilder()
            .Strong("Kind *x*").Plain(" then ").Emphasis(" soft_ly ").Plain("and ").Code("a`b").Plain(" ")
            .Placeholder("[impact not recorded]").Build();

        Assert.Equal("*Kind \u2217x\u2217* then  _soft\u02CDly_ and `a\u02CBb` _[impact not recorded]_", SlackMrkdwn.Render(text));
    }

    [Theory]
    [InlineData("https://acme.slack.com/archives/C1/p1", "see | <it>", "<https://acme.slack.com/archives/C1/p1|see \u2223 &lt;it&gt;>")]
    [InlineData("https://x.example/a?b=1&c=2|x", "l", "<https://x.example/a?b=1&amp;c=2%7Cx|l>")]
    [InlineData("javascript:alert(1)", "click", "click")]
    [InlineData("#msg-123", "12:00", "12:00")]
    [InlineData(null, "12:00", "12:00")]
    public void Only_http_links_are_links_and_their_labels_cannot_break_out(string? url, string label, string expected)
    {
        var text = new ChatText([new TextRun(label, RunStyle.Link, url)]);

        Assert.Equal(expected, SlackMrkdwn.Render(text));
    }

    [Fact]
    public void A_broadcast_word_split_over_two_runs_is_still_broken()
    {
        var text = new ChatTextBuilder().Plain("@").Strong("ok").Plain(" @").Plain("here").Build();

        AssertInert(SlackMrkdwn.Render(text));
    }

    [Fact]
    public void Ten_thousand_hostile_characters_are_cut_into_valid_inert_pieces()
    {
        var hostile = string.Concat(Enumerable.Repeat("<!channel> &&& *b* @here ``` > x ", 400))[..10_000];
        var text = new ChatTextBuilder().Strong("Lead").Plain(" ").Plain(hostile).Build();

        var chunks = SlackMrkdwn.RenderChunks(text, 3000);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, chunk =>
        {
            Assert.InRange(chunk.Length, 1, 3000);
            AssertInert(chunk);
            Assert.DoesNotMatch("&[a-z]*$", chunk); // no entity cut in half
        });
        Assert.Equal(SlackMrkdwn.Render(text), string.Concat(chunks).Replace("\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Escape_within_a_limit_marks_the_cut()
    {
        var rendered = SlackMrkdwn.EscapeWithin(new string('&', 1000), 100);

        Assert.InRange(rendered.Length, 90, 100);
        Assert.EndsWith("&amp;…", rendered, StringComparison.Ordinal);
    }
}
