using static ScribeBot.Alerts.Tests.Endpoint.AlertHost;

namespace ScribeBot.Alerts.Tests.Endpoint;

/// <summary>What every alert endpoint refuses before reading a page: a source that is off, a body over 1 MiB.</summary>
public sealed class EndpointLimitsTests
{
    private const int OverLimit = (1024 * 1024) + 1;

    private readonly RecordingPageReceiver _receiver = new();

    [Fact]
    public async Task Every_endpoint_is_404_until_its_secret_is_set_even_to_a_correct_request()
    {
        await using var host = await StartAsync(_receiver, h => h);

        using var pagerDuty = await host.PostPagerDutyAsync(Fixtures.Alerts.Bytes(Trigger));
        Assert.Equal(HttpStatusCode.NotFound, pagerDuty.StatusCode);
        foreach (var source in new[] { PageSource.Opsgenie, PageSource.Alertmanager, PageSource.Grafana })
        {
            using var response = await host.PostWithBearerAsync(source, Fixtures.Alerts.Bytes(FixtureOf(source)));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(0, _receiver.Calls);
    }

    [Fact]
    public async Task A_source_that_is_on_leaves_the_others_off()
    {
        await using var host = await StartAsync(_receiver, h => h.WithAlertToken(PageSource.Alertmanager));

        using var grafana = await host.PostWithBearerAsync(PageSource.Grafana, Fixtures.Alerts.Bytes(FixtureOf(PageSource.Grafana)));
        using var pagerDuty = await host.PostPagerDutyAsync(Fixtures.Alerts.Bytes(Trigger));

        Assert.Equal(HttpStatusCode.NotFound, grafana.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pagerDuty.StatusCode);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_gets_413_whether_announced_or_chunked()
    {
        await using var host = await StartAsync(_receiver, h => h.WithPagerDuty().WithAlertToken(PageSource.Alertmanager));
        var body = Enumerable.Repeat((byte)' ', OverLimit).ToArray();

        using var announced = await host.PostPagerDutyAsync(body);
        using var chunked = await host.PostAlertAsync(PageSource.Alertmanager, new ChunkedContent(body),
            request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AlertRequests.Token));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, announced.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(0, _receiver.Calls);
    }

    [Fact]
    public async Task A_body_of_exactly_one_mebibyte_is_read()
    {
        await using var host = await StartAsync(_receiver, h => h.WithPagerDuty());
        var trigger = Fixtures.Alerts.Bytes(Trigger);
        // Padded with whitespace after the JSON: still the signed delivery, at the limit.
        var body = trigger.Concat(Enumerable.Repeat((byte)' ', (1024 * 1024) - trigger.Length)).ToArray();

        using var response = await host.PostPagerDutyAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Content with no known length: HttpClient sends it chunked, with no Content-Length header.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
