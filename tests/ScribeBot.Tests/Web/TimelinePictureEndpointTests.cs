using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Tests.Pictures;

namespace ScribeBot.Tests.Web;

/// <summary><c>GET /incidents/{id}/timeline.png</c>: the picture, over real HTTP, behind the incident page's own access rule.</summary>
public sealed class TimelinePictureEndpointTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private ScribeBotApplication Host => fixture.Host;

    private static string PathOf(Incident incident, string query = "") => $"/incidents/{Uri.EscapeDataString(incident.Id)}/timeline.png{query}";

    [Fact]
    public async Task The_picture_is_a_png_of_the_incident_as_the_picture_port_draws_it()
    {
        using var response = await Host.Client.GetAsync(new Uri(PathOf(fixture.Checkout), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimelineImage.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.NotNull(response.Headers.ETag);
        var png = await response.Content.ReadAsByteArrayAsync();
        var (incident, entries) = await Host.Store.GetWithTimelineAsync(fixture.Checkout.Id, CancellationToken.None) ?? throw new InvalidOperationException();
        Assert.Equal(Host.Service<ITimelinePicture>().Draw(incident, entries).Png, png);
        using var bitmap = PngFile.Decode(png);
        Assert.Equal(960, bitmap.Width);
    }

    [Fact]
    public async Task Scale_2_is_twice_the_size_and_another_scale_is_refused()
    {
        using var one = PngFile.Decode(await Host.Client.GetByteArrayAsync(new Uri(PathOf(fixture.Checkout), UriKind.Relative)));
        using var two = PngFile.Decode(await Host.Client.GetByteArrayAsync(new Uri(PathOf(fixture.Checkout, "?scale=2"), UriKind.Relative)));

        Assert.Equal((one.Width * 2, one.Height * 2), (two.Width, two.Height));
        using var three = await Host.Client.GetAsync(new Uri(PathOf(fixture.Checkout, "?scale=3"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, three.StatusCode);
    }

    [Fact]
    public async Task A_browser_that_has_the_picture_gets_304()
    {
        using var first = await Host.Client.GetAsync(new Uri(PathOf(fixture.Checkout), UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(PathOf(fixture.Checkout), UriKind.Relative));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await Host.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_incident_is_404()
    {
        using var response = await Host.Client.GetAsync(new Uri("/incidents/slack%3AT1%3A999/timeline.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_request_not_from_loopback_gets_the_bare_403_of_the_incident_page()
    {
        await NotFromLoopback.AssertBare403Async("/incidents/slack%3AT1%3A1/timeline.png");
    }
}
