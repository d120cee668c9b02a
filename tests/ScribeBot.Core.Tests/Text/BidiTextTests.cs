namespace ScribeBot.Core.Tests.Text;

public sealed class BidiTextTests
{
    [Theory]
    [InlineData("plain text", "")]
    [InlineData("\u202Egnp.exe", "\u202C")]
    [InlineData("\u202Egnp\u202C.exe", "")]
    [InlineData("\u2067a \u202Bb", "\u202C\u2069")]
    [InlineData("\u2066a \u202Ab \u2069 c", "")]
    [InlineData("\u202C\u2069 stray closers", "")]
    [InlineData("\u202Eline one\nline two", "\u202C")]
    [InlineData("\u200F\u200E marks open nothing", "")]
    public void Closers_end_exactly_what_the_text_left_open(string text, string expected) =>
        Assert.Equal(expected, BidiText.Closers(text));

    [Fact]
    public void Markdown_closes_an_override_before_the_bots_own_text()
    {
        var markdown = MarkdownText.Render(new ChatText([new TextRun("\u202Egnp.exe"), new TextRun(" (SEV2)", RunStyle.Strong)]));

        Assert.Equal("\u202Egnp.exe\u202C **(SEV2)**", markdown);
    }
}
