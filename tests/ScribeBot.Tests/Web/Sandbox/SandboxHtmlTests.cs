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
}
