namespace ScribeBot.Tests.Replay;

/// <summary>Transcripts with an <c>alerts</c> list: the pager's events among the messages, through the page intake.</summary>
public sealed partial class ReplayVerbTests
{
    [Fact]
    public async Task The_pagerduty_sample_measures_mtta_and_mttr_from_the_page()
    {
        var (exit, output, errors) = await ReplayAsync(Path.Combine(RepositoryPaths.Samples, "pagerduty-checkout.json"));

        Assert.Equal(ReplayVerb.Ok, exit);
        Assert.Equal(string.Empty, errors);
        Assert.StartsWith("# INC-1: checkout-api: Checkout error rate above 5%", output, StringComparison.Ordinal);
        Assert.Contains(
            "- **Time to acknowledge (MTTA):** 3 minutes, 30 seconds; **root cause:** 17 minutes; **resolve (MTTR):** 40 minutes. From the PagerDuty page at Tue, Apr 14, 2026, 11:12 Europe/Berlin (CEST).",
            output, StringComparison.Ordinal);
        TextAssert.ContainsAll(
            output,
            "- **Detection:** PagerDuty page: checkout-api - Checkout error rate above 5%, at 11:12.",
            "- 11:24 - **Escalation** - Alice Ng: PagerDuty: escalated by Alice Ng: Priya Raman (escalation policy Payments database)",
            "- 11:52 - **Resolved** - Alice Ng: incident resolved");
    }

    [Fact]
    public async Task Alerts_interleave_with_the_messages_by_time_and_the_page_that_fired_first_declares_the_incident()
    {
        var file = await WriteAsync("""
            { "channel": "search", "messages": [
                { "id": "1", "at": "2026-03-02T14:02:00Z", "user": "A", "text": "/incident start Search is down sev3" },
                { "id": "2", "at": "2026-03-02T14:20:00Z", "user": "A", "text": "/incident resolve" } ],
              "alerts": [
                { "at": "2026-03-02T14:10:00Z", "source": "alertmanager", "action": "resolved", "alertId": "9f1c@2026-03-02T14:00:00Z",
                  "title": "SearchLatencyHigh", "service": "search-api" },
                { "at": "2026-03-02T14:00:00Z", "source": "alertmanager", "action": "firing", "alertId": "9f1c@2026-03-02T14:00:00Z",
                  "title": "SearchLatencyHigh", "service": "search-api", "priority": "warning", "url": "http://prometheus.example:9090/graph" },
                { "at": "2026-03-02T14:05:00Z", "source": "opsgenie", "action": "acknowledged", "alertId": "og-1", "title": "Search p99 above 2s",
                  "actor": "Bo Chen", "triggeredAt": "2026-03-02T14:01:00Z" } ] }
            """);

        var (exit, output, errors) = await ReplayAsync(file);

        Assert.True(exit == ReplayVerb.Ok, errors);
        // The firing alert came first, so it declared the incident; the start then found it open and was refused.
        Assert.StartsWith("# INC-1: search-api: SearchLatencyHigh", output, StringComparison.Ordinal);
        Assert.Contains("message 1 (/incident start Search is down sev3): ", errors, StringComparison.Ordinal);
        TextAssert.ContainsAll(
            output,
            "**resolve (MTTR):** 20 minutes. From the Alertmanager page at Mon, Mar 2, 2026, 14:00 UTC.",
            "- 14:01 - **Key event** - Opsgenie: Page: Opsgenie: Search p99 above 2s",
            "- 14:05 - **Acknowledged** - Bo Chen: incident acknowledged");
        // The alert cleared before anyone resolved: that is when impact ended, and the outage is measured to it.
        Assert.Contains("- 14:10 - **Recovered** - Alertmanager: impact ended (the page resolved)", output, StringComparison.Ordinal);
        Assert.Contains("10 minutes, from 14:00 to 14:10 UTC on Mon, Mar 2, 2026. Measured from detection to when impact ended (the page resolved);", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "at": "2026-03-02T14:00:00Z", "source": "nagios", "action": "triggered", "alertId": "a", "title": "t" }""",
        "alert 2, field \"source\": 'nagios' is not one of pagerduty, opsgenie, alertmanager, grafana.")]
    [InlineData("""{ "at": "2026-03-02T14:00:00Z", "source": "pagerduty", "action": "exploded", "alertId": "a", "title": "t" }""",
        "alert 2, field \"action\": 'exploded' is not one of triggered, firing, acknowledged,")]
    [InlineData("""{ "at": "2026-03-02 14:00", "source": "pagerduty", "action": "triggered", "alertId": "a", "title": "t" }""",
        "alert 2, field \"at\": '2026-03-02 14:00' is not an ISO 8601 time with an offset")]
    [InlineData("""{ "at": "2026-03-02T14:00:00Z", "source": "pagerduty", "action": "triggered", "title": "t" }""",
        "alert 2: field \"alertId\" is missing.")]
    [InlineData("""{ "at": "2026-03-02T14:00:00Z", "source": "pagerduty", "action": "triggered", "alertId": "a", "title": 5 }""",
        "alert 2, field \"title\": must be a string, not a number.")]
    [InlineData("""{ "at": "2026-03-02T14:00:00Z", "source": "pagerduty", "action": "triggered", "alertId": "a", "title": "t", "url": "javascript:alert(1)" }""",
        "alert 2, field \"url\": 'javascript:alert(1)' is not an http or https address.")]
    [InlineData("""{ "at": "2026-03-02T14:00:00Z", "source": "pagerduty", "action": "acknowledged", "alertId": "a", "title": "t", "triggeredAt": "2026-03-02T14:30:00Z" }""",
        "alert 2, field \"triggeredAt\": the page fired at 2026-03-02 14:30:00Z, after this event at 2026-03-02 14:00:00Z.")]
    [InlineData("""{ "at": "2026-03-02T13:00:00Z", "source": "grafana", "action": "resolved", "alertId": "first", "title": "t" }""",
        "alert 2, field \"at\": this event (2026-03-02 13:00:00Z) comes before its page fired (alert 1, 2026-03-02 14:00:00Z).")]
    [InlineData("\"firing\"", "alert 2 is not a JSON object.")]
    public async Task A_bad_alert_exits_2_naming_its_number_and_field(string second, string expected)
    {
        var file = await WriteAsync($$"""
            { "channel": "c", "messages": [],
              "alerts": [ { "at": "2026-03-02T14:00:00Z", "source": "grafana", "action": "firing", "alertId": "first", "title": "t" }, {{second}} ] }
            """);

        var (exit, output, errors) = await ReplayAsync(file);

        Assert.Equal(ReplayVerb.BadInput, exit);
        Assert.Equal(string.Empty, output);
        Assert.DoesNotContain('\n', errors.TrimEnd());
        Assert.StartsWith($"replay: {file}: {expected}", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_that_are_not_a_list_are_refused()
    {
        var file = await WriteAsync("""{ "channel": "c", "messages": [], "alerts": { "at": "2026-03-02T14:00:00Z" } }""");

        var (exit, _, errors) = await ReplayAsync(file);

        Assert.Equal(ReplayVerb.BadInput, exit);
        Assert.Contains("\"alerts\" must be an array of { \"at\", \"source\", \"action\", \"alertId\", \"title\" ... }, not an object.", errors, StringComparison.Ordinal);
    }
}
