using ScribeBot.Testing.Replies;

namespace ScribeBot.Tests.Web.Sandbox;

public sealed class SandboxHtmlTests
{
    [Fact]
    public void Chat_text_is_encoded_run_by_run_and_only_web_links_are_links()
    {
        var text = new ChatText(
        [
            new TextRun("INC-1 declared: ", RunStyle.Strong),
            new TextRun("<img src=x onerror=alert(1)>"),
            new TextRun("here", RunStyle.Link, "javascript:alert(1)"),
            new TextRun("there", RunStyle.Link, "https://example.com/?a=1&b=2"),
            new TextRun("back", RunStyle.Link, "//evil.example/"),
            new TextRun("[detection method not recorded]", RunStyle.Placeholder),
        ]);

        var html = SandboxHtml.FromChatText(text);

        Assert.Equal(
            "<strong>INC-1 declared: </strong>&lt;img src=x onerror=alert(1)&gt;here<a href=\"https://example.com/?a=1&amp;b=2\">there</a>back" +
            "<span class=\"placeholder\">[detection method not recorded]</span>",
            html);
    }

    [Fact]
    public void Help_is_a_paragraph_per_group_with_a_line_break_per_command()
    {
        var html = SandboxHtml.FromChatText(ReplySamples.Help());

        var paragraphs = Paragraphs(html);
        Assert.Equal(ReplySamples.HelpLinesPerGroup(), paragraphs.Select(lines => lines.Length));
        Assert.Equal("<strong>Lifecycle</strong>", paragraphs[1][0]);
        Assert.Contains("<code>/incident start &lt;title&gt; [sev1-4]</code> - open an incident in this channel", paragraphs[1]);
    }

    [Fact]
    public void Status_is_one_fact_per_line_with_its_user_text_encoded()
    {
        var html = SandboxHtml.FromChatText(ReplySamples.Status());

        var paragraphs = Paragraphs(html);
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal(ReplySamples.StatusFactLabels.Count, paragraphs[0].Length);
        Assert.Equal("MTTA: 4 minutes", paragraphs[0][3]);
        Assert.Equal("Missing:", paragraphs[1][0]);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
    }

    private static List<string[]> Paragraphs(string html)
    {
        Assert.StartsWith("<p>", html, StringComparison.Ordinal);
        return html.Split("</p>", StringSplitOptions.RemoveEmptyEntries).Select(p => p["<p>".Length..].Split("<br>")).ToList();
    }
}
