namespace ScribeBot.Tests.Web.Svg;

public sealed class SvgWriterBidiTests
{
    [Fact]
    public void A_label_closes_the_isolate_it_opened() =>
        Assert.Equal("\u2068a &lt;b\u2069", SvgWriter.Escape("\u2068a <b"));
}
