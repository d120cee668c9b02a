using ScribeBot.Alerts.Tests.Reading;
using static ScribeBot.Alerts.Tests.Endpoint.AlertHost;

namespace ScribeBot.Alerts.Tests.Endpoint;

/// <summary>
/// Authenticated bodies that are not the source's webhook: each gets 400 with a one-line reason of ours, reaches
/// nothing, and no body a mutation of a published payload can make costs a 5xx.
/// </summary>
public sealed class HostileBodyTests
{
    private readonly RecordingPageReceiver _receiver = new();

    public static TheoryData<string, byte[]> PagerDutyBodies => new()
    {
        { "not JSON", "event: triggered"u8.ToArray() },
        { "empty", [] },
        { "an array", "[]"u8.ToArray() },
        { "no event", "{}"u8.ToArray() },
        { "event not an object", "{\"event\":1}"u8.ToArray() },
        { "id a number", Event("\"id\":42,\"event_type\":\"incident.triggered\",\"occurred_at\":\"2025-04-07T03:47:13Z\",\"data\":{\"id\":\"Q1\"}") },
        { "occurred_at not a time", Event("\"id\":\"E1\",\"event_type\":\"incident.triggered\",\"occurred_at\":\"yesterday\",\"data\":{\"id\":\"Q1\"}") },
        { "no data", Event("\"id\":\"E1\",\"event_type\":\"incident.triggered\",\"occurred_at\":\"2025-04-07T03:47:13Z\"") },
        { "data an array", Event("\"id\":\"E1\",\"event_type\":\"incident.triggered\",\"occurred_at\":\"2025-04-07T03:47:13Z\",\"data\":[]") },
        { "incident id a huge string", Event($"\"id\":\"E1\",\"event_type\":\"incident.triggered\",\"occurred_at\":\"2025-04-07T03:47:13Z\",\"data\":{{\"id\":\"{new string('Q', 500_000)}\"}}") },
        { "note without its incident", Event("\"id\":\"E1\",\"event_type\":\"incident.annotated\",\"occurred_at\":\"2025-04-07T03:47:13Z\",\"data\":{\"content\":\"x\"}") },
        { "deeply nested", Encoding.UTF8.GetBytes("{\"event\":" + new string('[', 10_000) + new string(']', 10_000) + "}") },
        { "invalid UTF-8", [.. "{\"event\":{\"id\":\""u8, 0x80, 0xC0, 0xAF, 0xFF, .. "\"}}"u8] },
        { "lone surrogates", Event("\"id\":\"\\ud800\\udfff\\udc00\",\"event_type\":\"incident.triggered\",\"occurred_at\":\"2025-04-07T03:47:13Z\",\"data\":{\"id\":\"Q1\"}") },
        { "a name twice", Event("\"id\":\"E1\",\"id\":\"E2\",\"event_type\":\"incident.triggered\",\"occurred_at\":\"2025-04-07T03:47:13Z\",\"data\":{\"id\":\"Q1\"}") },
    };

    public static TheoryData<PageSource, string> TokenBodies => new()
    {
        { PageSource.Opsgenie, "{\"action\":\"Create\"}" },
        { PageSource.Opsgenie, "{\"action\":\"Create\",\"alert\":{\"alertId\":7}}" },
        { PageSource.Opsgenie, "{\"action\":[\"Create\"],\"alert\":{\"alertId\":\"a\"}}" },
        { PageSource.Alertmanager, "{\"version\":\"4\"}" },
        { PageSource.Alertmanager, "{\"alerts\":{}}" },
        { PageSource.Alertmanager, "{\"alerts\":[1]}" },
        { PageSource.Alertmanager, "{\"alerts\":[{\"status\":\"pending\",\"labels\":{},\"startsAt\":\"2020-02-06T00:17:58Z\"}]}" },
        { PageSource.Alertmanager, "{\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":1},\"startsAt\":\"2020-02-06T00:17:58Z\"}]}" },
        { PageSource.Alertmanager, "{\"alerts\":[{\"status\":\"firing\",\"labels\":{},\"startsAt\":\"soon\"}]}" },
        { PageSource.Grafana, "{\"alerts\":[{\"status\":\"firing\",\"labels\":[],\"startsAt\":\"2020-02-06T00:17:58Z\"}]}" },
        { PageSource.Grafana, "{\"alerts\":[{\"status\":\"firing\",\"labels\":{},\"annotations\":{\"summary\":{}},\"startsAt\":\"2020-02-06T00:17:58Z\"}]}" },
        { PageSource.Grafana, "not json at all" },
    };

    [Theory]
    [MemberData(nameof(PagerDutyBodies))]
    public async Task A_signed_body_that_is_no_pagerduty_event_gets_400_with_a_one_line_reason(string what, byte[] body)
    {
        await using var host = await StartAsync(_receiver, h => h.WithPagerDuty());

        using var response = await host.PostPagerDutyAsync(body);

        var reason = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {reason}");
        Assert.False(string.IsNullOrWhiteSpace(reason), what);
        Assert.DoesNotContain('\n', reason);
        Assert.True(reason.Length < 200, reason);
        Assert.Equal(0, _receiver.Calls);
    }

    [Theory]
    [MemberData(nameof(TokenBodies))]
    public async Task An_authenticated_body_that_is_not_the_source_s_webhook_gets_400(PageSource source, string body)
    {
        await using var host = await StartAsync(_receiver, h => h.WithAlertToken(source));

        using var response = await host.PostWithBearerAsync(source, Encoding.UTF8.GetBytes(body));

        var reason = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)response.StatusCode} {reason}");
        Assert.DoesNotContain('\n', reason);
        Assert.Equal(0, _receiver.Calls);
    }

    [Fact]
    public async Task A_title_longer_than_an_incident_takes_is_shortened_not_refused()
    {
        await using var host = await StartAsync(_receiver, h => h.WithAlertToken(PageSource.Opsgenie));
        var body = FixtureReads.Edited("opsgenie_webhook_create.zulip_test.json", body => body["alert"]!["message"] = new string('x', 300_000));

        using var response = await host.PostWithBearerAsync(PageSource.Opsgenie, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var title = Assert.Single(_receiver.Pages).Title;
        Assert.Equal(200, title.Length);
        Assert.EndsWith("…", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_mutation_of_a_published_payload_costs_a_5xx()
    {
        await using var host = await StartAsync(_receiver, h => h.WithPagerDuty()
            .WithAlertToken(PageSource.Opsgenie).WithAlertToken(PageSource.Alertmanager).WithAlertToken(PageSource.Grafana));
        var mutator = new ByteMutator(
        [
            "\\ud800"u8.ToArray(), [0x80, 0xFF], "\""u8.ToArray(), "{"u8.ToArray(), "]"u8.ToArray(), "null"u8.ToArray(),
            "1e999999"u8.ToArray(), "-99999999999999999999999"u8.ToArray(), "\"0001-01-01T00:00:00Z\""u8.ToArray(),
        ]);
        var random = new Random(16);
        var cases = new List<(PageSource Source, byte[] Body)>();
        foreach (var fixture in Directory.GetFiles(Fixtures.Alerts.Directory, "*.json").Select(Path.GetFileName))
        {
            var source = fixture!.Split('_')[0] switch
            {
                "pagerduty" => PageSource.PagerDuty,
                "opsgenie" => PageSource.Opsgenie,
                "alertmanager" => PageSource.Alertmanager,
                _ => PageSource.Grafana,
            };
            var original = Fixtures.Alerts.Bytes(fixture);
            cases.AddRange(Enumerable.Range(0, 12).Select(_ => (source, mutator.Mutate(original, random))));
        }

        foreach (var (source, body) in cases)
        {
            using var response = source == PageSource.PagerDuty
                ? await host.PostPagerDutyAsync(body)
                : await host.PostWithBearerAsync(source, body);

            Assert.True((int)response.StatusCode is 200 or 400 or 401,
                $"{source}: {(int)response.StatusCode} for {Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 300)]}");
        }
    }

    private static byte[] Event(string members) => Encoding.UTF8.GetBytes("{\"event\":{" + members + "}}");
}
