namespace ScribeBot.Alerts.Tests.Endpoint;

/// <summary>The real host on 127.0.0.1 with its pages going to a <see cref="RecordingPageReceiver"/>.</summary>
internal static class AlertHost
{
    /// <summary>The signed trigger the PagerDuty tests send, and a minute after it happened, when they send it.</summary>
    public const string Trigger = "pagerduty_v3_incident_triggered.aldaviva_pagerduty_test.json";

    public static readonly DateTimeOffset TriggerReceivedAt = new DateTimeOffset(2025, 4, 7, 3, 47, 13, 414, TimeSpan.Zero).AddMinutes(1);

    public static Task<ScribeBotApplication> StartAsync(
        RecordingPageReceiver receiver, Func<ScribeBotApplication, ScribeBotApplication> configure, DateTimeOffset? now = null) =>
        configure(new ScribeBotApplication())
            .WithPageReceiver(receiver)
            .WithClock(new FakeTimeProvider(now ?? TriggerReceivedAt))
            .StartKestrelAsync();

    /// <summary>Every token source, for tests that hold for each of them.</summary>
    public static TheoryData<PageSource> TokenSources => new() { PageSource.Opsgenie, PageSource.Alertmanager, PageSource.Grafana };

    /// <summary>A published body of each token source.</summary>
    public static string FixtureOf(PageSource source) => source switch
    {
        PageSource.Opsgenie => "opsgenie_webhook_create.zulip_test.json",
        PageSource.Alertmanager => "alertmanager_webhook_firing.zulip_test.json",
        PageSource.Grafana => "grafana_webhook_firing.docs.json",
        _ => Trigger,
    };

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
