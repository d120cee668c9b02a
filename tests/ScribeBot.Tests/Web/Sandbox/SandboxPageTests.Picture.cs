using ScribeBot.Tests.Pictures;

namespace ScribeBot.Tests.Web.Sandbox;

public sealed partial class SandboxPageTests
{
    [Fact]
    public async Task The_draft_in_the_feed_shows_the_timeline_picture_with_its_alt_text_and_no_mermaid_source()
    {
        using var alice = await JoinAsync("Alice Ng");

        var (draft, page) = await alice.SayThroughToDraftAsync(
            "/incident start Checkout returns 502 sev2", "/incident misleading maybe the CDN", "/incident resolve rolled back");

        var incident = await Store.FindLatestIncidentAsync(SandboxSession.Channel, CancellationToken.None) ?? throw new InvalidOperationException("no incident");
        var src = $"/incidents/{Uri.EscapeDataString(incident.Id)}/timeline.png?scale=2";
        var figure = Regex.Match(draft.Html!, "<figure class=\"timeline-picture\"><img src=\"(?<src>[^\"]+)\" alt=\"(?<alt>[^\"]+)\" width=\"960\" height=\"(?<height>\\d+)\" /></figure>");
        Assert.True(figure.Success, draft.Html);
        Assert.Equal(src, WebUtility.HtmlDecode(figure.Groups["src"].Value));
        Assert.StartsWith("Timeline of INC-1: Checkout returns 502. From ", WebUtility.HtmlDecode(figure.Groups["alt"].Value), StringComparison.Ordinal);
        Assert.Contains("1 misleading", figure.Groups["alt"].Value, StringComparison.Ordinal);
        Assert.Contains(figure.Value, page, StringComparison.Ordinal);
        Assert.DoesNotContain("gantt", page, StringComparison.Ordinal);

        // The address the feed gives is one the sandbox's reader can open: same host, same access rule.
        using var png = PngFile.Decode(await _host.Client.GetByteArrayAsync(new Uri(src, UriKind.Relative)));
        Assert.Equal((1920, int.Parse(figure.Groups["height"].Value, CultureInfo.InvariantCulture) * 2), (png.Width, png.Height));
    }
}
