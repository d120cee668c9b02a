using ScribeBot.Alerts.Reading;
using static ScribeBot.Alerts.Tests.Reading.FixtureReads;

namespace ScribeBot.Alerts.Tests.Reading;

/// <summary>
/// Alertmanager's and Grafana's published grouped-alert webhooks: one page event per alert, identified by fingerprint
/// and start.
/// </summary>
public sealed class PrometheusAlertReadingTests
{
    private const string AlertmanagerFiring = "alertmanager_webhook_firing.zulip_test.json";
    private const string CobaltGraph =
        "http://cobalt:9090/graph?g0.expr=avg+by%28host%29+%28sensors_temp_input%7Bfeature%3D~%22core_%5B0-9%5D%2B%22%7D%29+%3E+15&g0.tab=1";

    [Fact]
    public void Each_alert_of_an_alertmanager_group_is_its_own_page()
    {
        var pages = FixtureReads.Pages(PageSource.Alertmanager, AlertmanagerFiring);

        Assert.Equal(2, pages.Count);
        var first = pages[0];
        Assert.Equal(PageSource.Alertmanager, first.Source);
        Assert.Equal(PageAction.Triggered, first.Action);
        // startsAt has nanoseconds; an instant keeps seven digits, rounded.
        Assert.Equal("a1bc48475b20e73d@2020-02-06T00:17:58.4329114Z", first.AlertId);
        Assert.Equal("a1bc48475b20e73d@2020-02-06T00:17:58.4329114Z/firing", first.EventId);
        Assert.Equal(Utc("2020-02-06T00:17:58.432911368Z"), first.TriggeredAt);
        Assert.Equal(first.TriggeredAt, first.At);
        Assert.Equal("High CPU Temperature: High CPU core temperature", first.Title);
        Assert.Equal("critical", first.Priority);
        Assert.Null(first.Service);
        Assert.Equal(CobaltGraph, first.Url);
        Assert.Equal("CPU core temperature is 34.75C", first.Detail);
        Assert.Equal([Label("alertname", "High CPU Temperature"), Label("host", "andromeda"), Label("severity", "critical")], first.Labels);
        Assert.Equal("c2ea85182f28cbd9@2020-02-06T00:17:58.4329114Z", pages[1].AlertId);
        Assert.Equal("CPU core temperature is 17.625C", pages[1].Detail);
    }

    [Fact]
    public void A_resolved_alert_with_the_zero_endsAt_is_timed_on_receipt()
    {
        var page = Single(PageSource.Alertmanager, "alertmanager_webhook_resolved_ZERO_ENDSAT.zulip_test.json");

        Assert.Equal(PageAction.Resolved, page.Action);
        Assert.EndsWith("/resolved", page.EventId, StringComparison.Ordinal);
        Assert.Equal(ReceivedAt, page.At);
        Assert.True(page.TriggeredAt < page.At);
    }

    [Fact]
    public void Without_a_fingerprint_one_is_derived_from_the_labels_exactly_as_alertmanager_does()
    {
        var page = FirstOfEdited(PageSource.Alertmanager, AlertmanagerFiring, body => body["alerts"]![0]!.AsObject().Remove("fingerprint"));

        // The fixture's own fingerprint for these labels: Prometheus' FNV-1a over the sorted labels.
        Assert.StartsWith("a1bc48475b20e73d@", page.AlertId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"service\":\"checkout-api\",\"job\":\"node\",\"alertname\":\"Down\"}", "checkout-api")]
    [InlineData("{\"job\":\"node\",\"alertname\":\"Down\"}", "node")]
    public void The_service_is_the_service_label_else_the_job(string labels, string service)
    {
        var page = FirstOfEdited(PageSource.Alertmanager, AlertmanagerFiring, body => body["alerts"]![0]!["labels"] = JsonNode.Parse(labels));

        Assert.Equal(service, page.Service);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/graph?g0.expr=up")]
    [InlineData("file:///etc/passwd")]
    public void Only_http_and_https_links_are_kept(string url)
    {
        var page = FirstOfEdited(PageSource.Alertmanager, AlertmanagerFiring, body => body["alerts"]![0]!["generatorURL"] = url);

        Assert.Null(page.Url);
    }

    [Fact]
    public void The_documented_grafana_payload_reads_each_alert_in_utc()
    {
        var pages = FixtureReads.Pages(PageSource.Grafana, "grafana_webhook_firing.docs.json");

        Assert.Equal(2, pages.Count);
        var first = pages[0];
        Assert.Equal(PageSource.Grafana, first.Source);
        Assert.Equal(PageAction.Triggered, first.Action);
        Assert.Equal("c6eadffa33fcdf37@2021-10-12T07:51:03.157076Z", first.AlertId);
        Assert.Equal(Utc("2021-10-12T07:51:03.157076Z"), first.TriggeredAt);
        Assert.Equal("High memory usage: This alert was triggered for zone us-1", first.Title);
        Assert.Equal("https://play.grafana.org/alerting/1afz29v7z/edit", first.Url);
        Assert.Equal("The system has high memory usage", first.Detail);
        Assert.Null(first.Priority);
        Assert.Equal([Label("alertname", "High memory usage"), Label("team", "blue"), Label("zone", "us-1")], first.Labels);
        Assert.Equal("High CPU usage: This alert was triggered for zone eu-1", pages[1].Title);
        Assert.Equal("bc97ff14869b13e3@2021-10-12T07:56:03.157076Z", pages[1].AlertId);
    }

    [Fact]
    public void A_grafana_firing_and_its_resolution_are_one_page_with_two_events()
    {
        var firing = Single(PageSource.Grafana, "grafana_webhook_firing.zulip_test.json");
        var resolved = Single(PageSource.Grafana, "grafana_webhook_resolved.zulip_test.json");

        Assert.Equal("d8a21484c9c25a60@2022-06-17T00:41:00.7821379Z", firing.AlertId);
        Assert.Equal(firing.AlertId, resolved.AlertId);
        Assert.NotEqual(firing.EventId, resolved.EventId);
        Assert.Equal(PageAction.Resolved, resolved.Action);
        Assert.Equal(Utc("2022-06-17T00:51:24.067337833Z"), resolved.At);
        Assert.Equal(firing.TriggeredAt, resolved.TriggeredAt);
        Assert.Equal("Test alert: This is a summary field, failure on some_host", firing.Title);
        Assert.Equal("https://grafana.example.com/alerting/grafana/zTjxv_C7k/view", firing.Url);
    }

    [Fact]
    public void A_grafana_alert_without_a_rule_link_links_its_panel()
    {
        var fixture = "grafana_webhook_firing_values_v11.zulip_test.json";
        Assert.Equal("https://play.grafana.org/alerting/grafana/dd2f0260-3cfc-4c65-a4c4-f3f632c551f4/view?orgId=1", Single(PageSource.Grafana, fixture).Url);
        var page = FirstOfEdited(PageSource.Grafana, fixture, body => body["alerts"]![0]!.AsObject().Remove("generatorURL"));

        Assert.Equal("https://play.grafana.org/d/ece9fb32-7f71-4be9-bd94-2f23608ae5b9?orgId=1&viewPanel=2", page.Url);
        Assert.Equal("Memory (copy): High memory usage", page.Title);
        Assert.Equal("e6349a25f5ef0e9e@2024-03-01T02:09:00Z", page.AlertId);
    }
}
