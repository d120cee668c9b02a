namespace ScribeBot.Tests.Web;

public sealed class BidiClosingHtmlEncoderTests
{
    private readonly BidiClosingHtmlEncoder _encoder = new();

    [Fact]
    public void A_value_is_encoded_as_by_default_and_an_override_it_opened_is_closed()
    {
        Assert.Equal("&#x202E;gnp.exe &lt;b&gt;\u202C", _encoder.Encode("\u202Egnp.exe <b>"));
        Assert.Equal("plain &amp; simple", _encoder.Encode("plain & simple"));

        using var writer = new StringWriter();
        _encoder.Encode(writer, "xx\u2067a", 2, 2);
        Assert.Equal("&#x2067;a\u2069", writer.ToString());
    }

    [Fact]
    public void The_sandbox_closes_an_override_before_the_bots_own_words() =>
        Assert.Equal(
            "&#x202E;gnp\u202C<strong> resolved</strong>",
            SandboxHtml.FromChatText(new ChatText([new TextRun("\u202Egnp"), new TextRun(" resolved", RunStyle.Strong)])));
}
