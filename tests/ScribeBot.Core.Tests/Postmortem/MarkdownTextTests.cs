using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ScribeBot.Core.Tests.Postmortem;

/// <summary>Hostile user text, rendered inside a bullet and parsed back by Markdig as a viewer would.</summary>
public sealed class MarkdownTextTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static TheoryData<string> HostileInputs => new()
    {
        "<!channel> wake up",
        "@here @channel @everyone ping",
        "thanks <@U123ABC> and @alice",
        "**bold** and __under__ and *em*",
        "[x](http://evil.example) and ![img](http://evil.example/a.png)",
        "<script>alert(1)</script>",
        "# heading",
        "line1\n- injected bullet",
        "line1\n\n\n1. injected ordered\n> quote\n    indented code",
        "`code` and ```fence``` and ~~strike~~",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "a &amp; b &lt;c&gt;",
        "$x^2$ math and [^1] footnote and <https://evil.example>",
        "setext\n===",
        "back\\slash at the end\\",
        "+ plus\n---",
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void User_text_in_a_bullet_stays_one_literal_bullet(string input)
    {
        var markdown = "- " + MarkdownText.Render(ChatText.Of(input), "  ") + "\n";

        var document = Markdown.Parse(markdown, Gfm);

        var list = Assert.IsType<ListBlock>(Assert.Single(document));
        var item = Assert.IsType<ListItemBlock>(Assert.Single(list));
        var paragraph = Assert.IsType<Markdig.Syntax.ParagraphBlock>(Assert.Single(item));
        var inlines = paragraph.Inline!.Descendants().ToList();
        Assert.DoesNotContain(inlines, i => i is EmphasisInline or HtmlInline or AutolinkInline or CodeInline);

        // A bare URL may be autolinked by GFM viewers; that shows its real target, so it is allowed. Nothing else links.
        Assert.All(inlines.OfType<LinkInline>(), link =>
        {
            Assert.True(link.IsAutoLink);
            Assert.Equal(link.Url, Literal(link));
        });
        Assert.Equal(Normalised(input), Literal(paragraph.Inline!));
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Rendered_user_text_holds_no_raw_at_sign_or_angle_bracket(string input)
    {
        var markdown = MarkdownText.Render(ChatText.Of(input));

        Assert.DoesNotContain("@", markdown.Replace("&#64;", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(">", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_runs_only_link_to_http_urls()
    {
        var text = new ChatTextBuilder().Link("safe", "https://acme.slack.com/archives/C0123/p1").Plain(" ").Link("bad", "javascript:alert(1)").Build();

        var document = Markdown.Parse(MarkdownText.Render(text), Gfm);

        var link = Assert.Single(document.Descendants<LinkInline>());
        Assert.Equal("https://acme.slack.com/archives/C0123/p1", link.Url);
    }

    [Fact]
    public void Placeholder_runs_are_emphasised_and_keep_their_brackets()
    {
        var text = new ChatTextBuilder().Placeholder("[impact not recorded - /incident impact <text>]").Build();

        var document = Markdown.Parse(MarkdownText.Render(text), Gfm);

        var emphasis = Assert.Single(document.Descendants<EmphasisInline>());
        Assert.Equal("[impact not recorded - /incident impact <text>]", Literal(emphasis));
    }

    /// <summary>What the renderer promises to keep: each line's text, with leading spaces and blank lines dropped.</summary>
    private static string Normalised(string input) =>
        string.Join("\n", input.Split('\n').Select(l => l.TrimStart()).Where(l => l.Length > 0));

    private static string Literal(ContainerInline container)
    {
        var builder = new StringBuilder();
        foreach (var inline in container)
        {
            _ = inline switch
            {
                LiteralInline literal => builder.Append(literal.Content.ToString()),
                HtmlEntityInline entity => builder.Append(entity.Transcoded.ToString()),
                LineBreakInline => builder.Append('\n'),
                ContainerInline nested => builder.Append(Literal(nested)),
                _ => builder.Append($"<{inline.GetType().Name}>"),
            };
        }

        return builder.ToString();
    }
}
