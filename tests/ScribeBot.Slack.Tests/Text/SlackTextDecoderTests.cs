namespace ScribeBot.Slack.Tests.Text;

public sealed class SlackTextDecoderTests
{
    [Theory]
    [InlineData("<@U123|alice> look", "@alice look")]
    [InlineData("<@U123> look", "@U123 look")]
    [InlineData("see <#C123|general>", "see #general")]
    [InlineData("see <#C123>", "see #C123")]
    [InlineData("<!channel> <!here> <!everyone>", "@channel @here @everyone")]
    [InlineData("<!here|here> now", "@here now")]
    [InlineData("<!subteam^S123|@oncall> please", "@oncall please")]
    [InlineData("at <!date^1392734382^{date_short}|Feb 18, 2014>", "at Feb 18, 2014")]
    [InlineData("<https://x.example/a?b=1&amp;c=2|the dash>", "the dash (https://x.example/a?b=1&c=2)")]
    [InlineData("<https://x.example/a>", "https://x.example/a")]
    [InlineData("<https://x.example/a|https://x.example/a>", "https://x.example/a")]
    [InlineData("<mailto:a@b.example|a@b.example>", "a@b.example")]
    [InlineData("1 &lt; 2 &amp;&amp; 3 &gt; 2", "1 < 2 && 3 > 2")]
    [InlineData("&amp;lt; stays", "&lt; stays")]
    [InlineData("&quot;typed&quot;", "&quot;typed&quot;")]
    [InlineData("unclosed <https://x", "unclosed <https://x")]
    [InlineData("*bold* _it_", "*bold* _it_")]
    [InlineData("", "")]
    public void Slack_markup_becomes_plain_words(string slack, string plain)
    {
        Assert.Equal(plain, SlackTextDecoder.Decode(slack));
    }

    [Fact]
    public void Known_names_replace_ids_and_stale_labels()
    {
        var names = new Dictionary<string, string> { ["U1"] = "Alice Ng" };

        Assert.Equal("@Alice Ng and @U2", SlackTextDecoder.Decode("<@U1|alice> and <@U2>", names));
    }

    [Fact]
    public void Mentioned_ids_are_listed_once_in_order()
    {
        Assert.Equal(["U2", "U1"], SlackTextDecoder.MentionedUserIds("<@U2> <#C1> <@U1|a> <@U2|b> <!here>"));
    }
}
