namespace ScribeBot.Slack.Tests.Blocks;

public sealed class BlockKitTests
{
    [Theory]
    [InlineData("@channel db down", "@\u2060channel db down")]
    [InlineData("INC-1: @HERE and @everyone\nnext", "INC-1: @\u2060HERE and @\u2060everyone next")]
    [InlineData("mail ops@example.com", "mail ops@example.com")]
    public void A_header_breaks_broadcast_words_although_slack_does_not_parse_plain_text(string title, string expected)
    {
        var header = BlockKit.Header(title);

        Assert.Equal("plain_text", (string)header["text"]!["type"]!);
        Assert.Equal(expected, (string)header["text"]!["text"]!);
    }
}
