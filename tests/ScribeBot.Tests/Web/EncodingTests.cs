namespace ScribeBot.Tests.Web;

/// <summary>User text (titles, messages, names) is text on every page, never markup.</summary>
public sealed class EncodingTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private ScribeBotApplication Host => fixture.Host;

    [Theory]
    [InlineData("/")]
    [InlineData("/?platform=web&severity=sev1")]
    [InlineData("/incidents/web%3Asandbox%3A1")]
    [InlineData("/stats")]
    [InlineData("/?status=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")]
    [InlineData("/stats?days=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task Html_in_user_text_is_encoded_on_every_page(string path)
    {
        var html = await Host.PageAsync(path);

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Mallory", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror=alert(1)>", html, StringComparison.Ordinal);
        _ = Html.Svgs(html); // every inline SVG is well-formed XML
    }

    [Fact]
    public async Task The_hostile_title_reads_as_text_in_the_list()
    {
        var row = Html.RowOf(await Host.PageAsync("/?platform=web&severity=sev1"), fixture.Hostile.Id);

        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", row, StringComparison.Ordinal);
        Assert.Equal(DashboardFixture.HostileTitle, Html.Cells(row)[1]);
    }

    [Fact]
    public async Task The_hostile_title_message_and_name_read_as_text_on_the_incident_page_and_in_its_diagram()
    {
        var html = await Host.PageAsync("/incidents/" + Uri.EscapeDataString(fixture.Hostile.Id));

        Assert.Contains("<title>INC-1: &lt;img src=x onerror=alert(1)&gt; - ScribeBot</title>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Mallory&lt;/b&gt;", html, StringComparison.Ordinal);
        var svg = Assert.Single(Html.Svgs(html));
        Assert.Equal($"Timeline of INC-1: {DashboardFixture.HostileTitle}", svg.Element((System.Xml.Linq.XNamespace)ScribeBot.Pictures.Svg.SvgWriter.Namespace + "title")!.Value);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "title" && e.Value.Contains(DashboardFixture.HostileMessage, StringComparison.Ordinal));
    }
}
