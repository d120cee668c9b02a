using ScribeBot.Core.Postmortem.Markdown;

namespace ScribeBot.Tests.Web;

public sealed class PostmortemHtmlTests
{
    [Fact]
    public void A_url_typed_in_chat_stays_text_while_the_links_the_core_wrote_are_links()
    {
        var markdown = "- 14:05 - " + MarkdownText.Escape("see https://evil.example/x and www.evil.example [ok](https://evil.example)") +
            " ([message](<https://acme.slack.com/archives/C1/p1>))\n";

        var html = PostmortemHtml.RenderFragment(markdown);

        TextAssert.ContainsAll(html, "https://evil.example/x and www.evil.example", "<a href=\"https://acme.slack.com/archives/C1/p1\">message</a>");
        TextAssert.ContainsNone(html, "href=\"https://evil", "href=\"http://www.evil");
    }

    [Fact]
    public void With_a_picture_the_mermaid_block_becomes_the_picture_and_its_alt_text_is_escaped()
    {
        const string markdown = "# INC-1\n\n## Diagram\n\n```mermaid\ngantt\n    title INC-1\n```\n\n## After\n";
        var picture = new DraftPicture("/incidents/x/timeline.png?scale=2", "Timeline of INC-1: <script>\"x\"</script> & co", 960, 300);

        var html = PostmortemHtml.RenderFragment(markdown, picture);

        Assert.DoesNotContain("gantt", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains(
            "<h2>Diagram</h2>\n<figure class=\"timeline-picture\"><img src=\"/incidents/x/timeline.png?scale=2\" alt=\"Timeline of INC-1: &lt;script&gt;&quot;x&quot;&lt;/script&gt; &amp; co\" width=\"960\" height=\"300\" /></figure>",
            html,
            StringComparison.Ordinal);
        Assert.Contains("<h2>After</h2>", html, StringComparison.Ordinal);
        Assert.Contains("language-mermaid", PostmortemHtml.RenderFragment(markdown), StringComparison.Ordinal);
    }
}
