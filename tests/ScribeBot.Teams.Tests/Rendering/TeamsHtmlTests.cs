namespace ScribeBot.Teams.Tests.Rendering;

public sealed class TeamsHtmlTests
{
    public static TheoryData<string> Hostile =>
    [
        "<at>Everyone</at> look here",
        "<script>alert(1)</script>",
        "**bold** __strong__ *em* _em_ ~~gone~~ `code` ```block```",
        "[your bank](http://evil.example) and ![img](http://evil.example/x.png)",
        "&lt; is already escaped, so is &amp; and &#64;",
        "@channel @team @here @everyone",
        "# heading\n- item\n+ item\n1. one\n> quote\n---",
        "a | b | c\n|---|---|",
        "back\\slash \\*not bold\\*",
        "it's \"quoted\" <a href=\"http://evil\">x</a>",
        "fire 🔥 and a family 👩‍👩‍👧 and 日本語",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_shows_exactly_as_typed_and_formats_nothing(string text)
    {
        var html = TeamsHtml.Render(ChatText.Of(text));

        TeamsHtmlAssert.WellFormedAndInert(html);
        Assert.DoesNotContain(TeamsHtmlAssert.Parse(html).Elements(), e => e.Name.LocalName != "br");
        Assert.Equal(text, TeamsHtmlAssert.PlainText(html));
    }

    [Fact]
    public void Markup_and_markdown_characters_become_references()
    {
        Assert.Equal("&lt;at&gt;Everyone&lt;/at&gt;", TeamsHtml.Escape("<at>Everyone</at>"));
        Assert.Equal("&#42;&#42;x&#42;&#42;", TeamsHtml.Escape("**x**"));
        Assert.Equal("&#91;a&#93;(http://e)", TeamsHtml.Escape("[a](http://e)"));
        Assert.Equal("&amp;lt;", TeamsHtml.Escape("&lt;"));
        Assert.Equal("&#64;channel", TeamsHtml.Escape("@channel"));
        Assert.Equal("&#35; &#95;&#126;&#96;&#124;&#92; &quot;&#39;", TeamsHtml.Escape("# _~`|\\ \"'"));
        Assert.Equal("🔥", TeamsHtml.Escape("🔥"));
    }

    [Fact]
    public void Newlines_become_breaks_and_control_characters_are_dropped()
    {
        Assert.Equal("a<br/>b<br/>c d", TeamsHtml.Escape("a\r\nb\nc\td\u0000\u0007\u001B\u0085"));
    }

    [Fact]
    public void Unpaired_surrogates_become_replacement_characters_and_pairs_stay()
    {
        var html = TeamsHtml.Escape("a\uD800b\uDC00c\uD83D\uDD25\uD83D");

        Assert.Equal("a\uFFFDb\uFFFDc🔥\uFFFD", html);
        Assert.Equal("a\uFFFDb\uFFFDc🔥\uFFFD", TeamsHtmlAssert.PlainText(html));
    }

    [Fact]
    public void Styles_map_to_tags_and_placeholders_are_italic_in_their_brackets()
    {
        var text = new ChatTextBuilder()
            .Strong("Impact:").Plain(" ").Emphasis("most").Plain(" users, see ").Code("kubectl get *")
            .Plain(" ").Placeholder("[root cause not recorded - /incident rootcause <text>]")
            .Build();

        Assert.Equal(
            "<b>Impact:</b> <i>most</i> users, see <code>kubectl get &#42;</code> " +
            "<i>&#91;root cause not recorded - /incident rootcause &lt;text&gt;&#93;</i>",
            TeamsHtml.Render(text));
    }

    [Fact]
    public void Http_and_https_links_are_anchors_whose_target_survives_encoding()
    {
        const string deepLink = "https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1677?tenantId=t1&groupId=g_1&parentMessageId=1677";
        var text = new ChatTextBuilder().Link("14:02", deepLink).Plain(" and ").Link("<b>docs</b>", "http://example.com/a b").Build();

        var html = TeamsHtml.Render(text);

        TeamsHtmlAssert.WellFormedAndInert(html);
        Assert.StartsWith(
            "<a href=\"https://teams.microsoft.com/l/message/19:abc&#64;thread.tacv2/1677?tenantId=t1&amp;groupId=g&#95;1&amp;parentMessageId=1677\">14:02</a>",
            html,
            StringComparison.Ordinal);
        Assert.Equal([deepLink, "http://example.com/a%20b"], TeamsHtmlAssert.Hrefs(html));
        Assert.Equal("14:02 and <b>docs</b>", TeamsHtmlAssert.PlainText(html));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("ftp://files.example/x")]
    [InlineData("/relative/path")]
    [InlineData("#msg-m1")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void Anything_but_an_http_link_shows_only_its_label(string? url)
    {
        var html = TeamsHtml.Render(new ChatText([new TextRun("click <me>", RunStyle.Link, url)]));

        Assert.Equal("click &lt;me&gt;", html);
    }

    [Fact]
    public void A_quote_in_a_link_cannot_add_an_attribute()
    {
        var html = TeamsHtml.Render(new ChatTextBuilder().Link("x", "https://e.example/\"onmouseover=\"alert(1)").Build());

        TeamsHtmlAssert.WellFormedAndInert(html);
        var anchor = Assert.Single(TeamsHtmlAssert.Parse(html).Elements());
        Assert.Equal("href", Assert.Single(anchor.Attributes()).Name.LocalName);
    }

    [Fact]
    public void A_link_target_over_the_bound_shows_only_its_label()
    {
        var html = TeamsHtml.Render(new ChatTextBuilder().Link("long", "https://e.example/" + new string('a', TeamsLimits.MaxHrefChars)).Build());

        Assert.Equal("long", html);
    }

    [Fact]
    public void Chunks_of_a_long_hostile_text_stay_within_the_limit_well_formed_and_lose_nothing()
    {
        var text = string.Concat(Enumerable.Range(0, 2500).Select(i => i % 7 == 0 ? "**@here** " : "<at>x</at>🔥 "));

        var chunks = TeamsHtml.RenderChunks(new ChatTextBuilder().Strong("Root cause:").Plain(" ").Plain(text).Build(), 1000);

        Assert.True(chunks.Count > 20);
        Assert.All(chunks, chunk =>
        {
            Assert.InRange(chunk.Length, 1, 1000);
            TeamsHtmlAssert.WellFormedAndInert(chunk);
        });
        Assert.All(chunks.Skip(1), chunk => Assert.StartsWith("<i>(continued)</i> ", chunk, StringComparison.Ordinal));
        var rejoined = string.Concat(chunks.Select((c, i) => TeamsHtmlAssert.PlainText(c)[(i == 0 ? 0 : "(continued) ".Length)..]));
        Assert.Equal("Root cause: " + text, rejoined);
        Assert.DoesNotContain('\uFFFD', rejoined);
    }

    [Fact]
    public void Chunks_are_cut_after_a_space_when_one_is_near()
    {
        var text = string.Join(' ', Enumerable.Range(1, 500).Select(i => $"word{i}"));

        var chunks = TeamsHtml.RenderChunks(ChatText.Of(text), 500);

        Assert.All(chunks.SkipLast(1), chunk => Assert.EndsWith(" ", chunk, StringComparison.Ordinal));
        Assert.All(chunks.Skip(1), chunk => Assert.Matches(@"^<i>\(continued\)</i> word\d+ ", chunk));
    }

    [Fact]
    public void The_first_chunk_fills_only_the_room_it_is_given()
    {
        var text = ChatText.Of(string.Join(' ', Enumerable.Range(1, 500).Select(i => $"word{i}")));

        var chunks = TeamsHtml.RenderChunks(text, 1000, firstMaxLength: 200);

        Assert.InRange(chunks[0].Length, 150, 200);
        Assert.StartsWith("word1 ", chunks[0], StringComparison.Ordinal);
        Assert.All(chunks.Skip(1), chunk => Assert.InRange(chunk.Length, 1, 1000));
        Assert.Equal(text.ToPlainString(), string.Concat(chunks.Select((c, i) => TeamsHtmlAssert.PlainText(c)[(i == 0 ? 0 : "(continued) ".Length)..])));
    }

    [Fact]
    public void Without_room_for_a_first_chunk_the_text_starts_in_a_full_one_without_a_marker()
    {
        var text = new ChatTextBuilder().Link("label", "https://e.example/" + new string('p', 300)).Plain(new string('a', 2000)).Build();

        var chunks = TeamsHtml.RenderChunks(text, 1000, firstMaxLength: 100);

        Assert.StartsWith("<a href=\"https://e.example/ppp", chunks[0], StringComparison.Ordinal);
        Assert.InRange(chunks[0].Length, 900, 1000);
        Assert.All(chunks.Skip(1), chunk => Assert.StartsWith("<i>(continued)</i> a", chunk, StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_that_fits_whole_in_the_next_chunk_is_not_cut()
    {
        var text = new ChatTextBuilder().Plain(new string('a', 700)).Strong(new string('b', 400)).Build();

        var chunks = TeamsHtml.RenderChunks(text, 1000);

        Assert.Equal([new string('a', 700), "<i>(continued)</i> <b>" + new string('b', 400) + "</b>"], chunks);
    }
}
