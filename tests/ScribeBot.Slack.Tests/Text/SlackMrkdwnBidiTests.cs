namespace ScribeBot.Slack.Tests.Text;

public sealed class SlackMrkdwnBidiTests
{
    [Fact]
    public void An_override_in_user_text_ends_before_the_bots_own_text()
    {
        var mrkdwn = SlackMrkdwn.Render(new ChatText([new TextRun("INC-1 declared: ", RunStyle.Strong), new TextRun("\u202Egnp.exe"), new TextRun(" (SEV2)")]));

        Assert.Equal("*INC-1 declared:* \u202Egnp.exe\u202C (SEV2)", mrkdwn);
    }

    [Fact]
    public void A_header_closes_an_override_and_stays_within_its_limit()
    {
        var header = (string)BlockKit.Header("INC-1: \u2067" + new string('x', 300))["text"]!["text"]!;

        Assert.EndsWith("…\u2069", header, StringComparison.Ordinal);
        Assert.True(header.Length <= SlackLimits.MaxHeaderText);
        Assert.Equal("", BidiText.Closers(header));
    }
}
