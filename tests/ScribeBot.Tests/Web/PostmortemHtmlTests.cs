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

        Assert.Contains("https://evil.example/x and www.evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://evil", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http://www.evil", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://acme.slack.com/archives/C1/p1\">message</a>", html, StringComparison.Ordinal);
    }
}
