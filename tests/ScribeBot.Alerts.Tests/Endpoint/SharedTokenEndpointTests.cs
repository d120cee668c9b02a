using ScribeBot.Alerts.Tests.Reading;
using static ScribeBot.Alerts.Tests.Endpoint.AlertHost;

namespace ScribeBot.Alerts.Tests.Endpoint;

/// <summary><c>POST /alerts/opsgenie</c>, <c>/alerts/alertmanager</c>, <c>/alerts/grafana</c>: the shared token, wherever the pager puts it.</summary>
public sealed class SharedTokenEndpointTests
{
    private readonly RecordingPageReceiver _receiver = new();

    [Theory]
    [MemberData(nameof(TokenSources), MemberType = typeof(AlertHost))]
    public async Task The_token_is_taken_as_a_bearer_token_a_basic_auth_password_or_the_header(PageSource source)
    {
        await using var host = await StartAsync(_receiver, h => h.WithAlertToken(source));
        var body = Fixtures.Alerts.Bytes(FixtureOf(source));

        using var bearer = await host.PostWithBearerAsync(source, body);
        using var basic = await host.PostWithBasicAsync(source, body);
        using var header = await host.PostWithTokenHeaderAsync(source, body);

        foreach (var response in new[] { bearer, basic, header })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(3, _receiver.Calls);
        Assert.All(_receiver.Pages, page => Assert.Equal(source, page.Source));
    }

    [Theory]
    [MemberData(nameof(TokenSources), MemberType = typeof(AlertHost))]
    public async Task A_missing_or_wrong_token_gets_401_and_reaches_nothing(PageSource source)
    {
        const string Wrong = "alerts-test-token-0123456788";
        await using var host = await StartAsync(_receiver, h => h.WithAlertToken(source));
        var body = Fixtures.Alerts.Bytes(FixtureOf(source));

        HttpResponseMessage[] responses =
        [
            await host.PostWithBearerAsync(source, body, token: null),
            await host.PostWithBearerAsync(source, body, Wrong),
            await host.PostWithBearerAsync(source, body, AlertRequests.Token[..^1]),
            await host.PostWithBearerAsync(source, body, AlertRequests.Token + "x"),
            await host.PostWithBasicAsync(source, body, Wrong),
            await host.PostWithTokenHeaderAsync(source, body, Wrong),
            await host.PostAlertAsync(source, new ByteArrayContent(body), request => request.Headers.TryAddWithoutValidation("Authorization", "Basic not-base64!")),
            await host.PostAlertAsync(source, new ByteArrayContent(body), request => request.Headers.TryAddWithoutValidation("Authorization", "Bearer")),
        ];

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            response.Dispose();
        }

        Assert.Equal(0, _receiver.Calls);
    }

    [Fact]
    public async Task One_source_s_token_does_not_open_another()
    {
        await using var host = await StartAsync(_receiver, h => h
            .WithAlertToken(PageSource.Alertmanager, "alertmanager-token-0123456789")
            .WithAlertToken(PageSource.Grafana, "grafana-token-0123456789abcdef"));

        using var response = await host.PostWithBearerAsync(
            PageSource.Grafana, Fixtures.Alerts.Bytes(FixtureOf(PageSource.Grafana)), "alertmanager-token-0123456789");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_alertmanager_group_is_handed_on_as_one_batch_of_its_alerts()
    {
        _receiver.Answer = pages => new PageIntakeResult(1, 0, pages.Count - 1);
        await using var host = await StartAsync(_receiver, h => h.WithAlertToken(PageSource.Alertmanager));

        using var response = await host.PostWithBearerAsync(PageSource.Alertmanager, Fixtures.Alerts.Bytes(FixtureOf(PageSource.Alertmanager)));

        Assert.Equal("{\"recorded\":1,\"duplicates\":0,\"unrouted\":1}", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, _receiver.Calls);
        Assert.Equal(["a1bc48475b20e73d", "c2ea85182f28cbd9"], _receiver.Pages.Select(page => page.AlertId.Split('@')[0]));
    }

    [Fact]
    public async Task An_opsgenie_action_outside_the_on_call_flow_is_answered_200_and_counts_nothing()
    {
        await using var host = await StartAsync(_receiver, h => h.WithAlertToken(PageSource.Opsgenie));
        var body = FixtureReads.Edited("opsgenie_webhook_acknowledge.zulip_test.json", body => body["action"] = "AddTags");

        using var response = await host.PostWithBearerAsync(PageSource.Opsgenie, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"recorded\":0,\"duplicates\":0,\"unrouted\":0}", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _receiver.Calls);
    }
}
