using ScribeBot.Core.Text;

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
}
