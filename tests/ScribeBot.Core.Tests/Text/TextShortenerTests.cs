namespace ScribeBot.Core.Tests.Text;

public sealed class TextShortenerTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("sev5", "sev5")]
    [InlineData("0123456789", "0123456789")]
    [InlineData("0123456789A", "0123456789…")]
    public void Text_up_to_the_limit_is_kept_and_longer_text_is_cut_with_an_ellipsis(string? text, string expected) =>
        Assert.Equal(expected, TextShortener.Shorten(text, 10));

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = "012345678🚨 rest"; // the emoji's high surrogate is the tenth unit

        var shortened = TextShortener.Shorten(text, 10);

        Assert.Equal("012345678…", shortened);
        Assert.DoesNotContain(shortened, char.IsSurrogate);
    }

    [Fact]
    public void A_pair_that_fits_whole_is_kept()
    {
        var shortened = TextShortener.Shorten("01234567🚨 rest", 10);

        Assert.Equal("01234567🚨…", shortened);
    }

    [Fact]
    public void Shorten_within_keeps_the_ellipsis_inside_the_limit()
    {
        Assert.Equal("", TextShortener.ShortenWithin(null, 10));
        Assert.Equal("0123456789", TextShortener.ShortenWithin("0123456789", 10));
        Assert.Equal("012345678…", TextShortener.ShortenWithin("0123456789A", 10));
        Assert.Equal("01234567 …", TextShortener.ShortenWithin("01234567 9A", 10));
    }

    [Fact]
    public void Shorten_within_can_drop_the_white_space_before_the_ellipsis()
    {
        Assert.Equal("01234567…", TextShortener.ShortenWithin("01234567 9A", 10, trimEnd: true));
        Assert.Equal("0123456…", TextShortener.ShortenWithin("0123456   9A", 10, trimEnd: true));
    }

    [Fact]
    public void Shorten_within_never_splits_a_surrogate_pair()
    {
        var shortened = TextShortener.ShortenWithin("01234567🚨 rest", 10); // the high surrogate is the ninth unit

        Assert.Equal("01234567…", shortened);
        Assert.DoesNotContain(shortened, char.IsSurrogate);
    }

    [Fact]
    public void Cut_index_steps_back_before_the_first_half_of_a_pair()
    {
        Assert.Equal(4, TextShortener.CutIndex("0123456789", 4));
        Assert.Equal(0, TextShortener.CutIndex("0123456789", 0));
        Assert.Equal(10, TextShortener.CutIndex("0123456789", 99));
        Assert.Equal(3, TextShortener.CutIndex("012🚨456", 4));
        Assert.Equal(5, TextShortener.CutIndex("012🚨456", 5));
        Assert.Equal(0, TextShortener.CutIndex("🚨", 1));
    }

    [Fact]
    public void Rich_text_is_cut_across_its_runs_without_splitting_a_pair_and_kept_whole_when_it_fits()
    {
        var text = new ChatTextBuilder().Strong("Kind:").Plain(" " + new string('a', 6) + "🚨 tail").Build();

        var cut = TextShortener.Shorten(text, 12);

        Assert.Same(text, TextShortener.Shorten(text, 100));
        Assert.Equal([new TextRun("Kind:", RunStyle.Strong), new TextRun(" aaaaaa…")], cut.Runs);
        Assert.DoesNotContain(cut.ToPlainString(), char.IsSurrogate);
    }
}
