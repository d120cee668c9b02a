using ScribeBot.Core.Paging;
using ScribeBot.Testing.Alerts;

namespace ScribeBot.Tests.Alerts;

/// <summary>
/// A PagerDuty page through the whole host over real HTTP on 127.0.0.1: signed deliveries to <c>/alerts/pagerduty</c>,
/// the route to a Slack channel, announcements reaching the fake Slack, people resolving with <c>/incident resolve</c>,
/// and a draft whose detection, MTTA and escalation come from the page.
/// </summary>
public sealed class PagedSlackIncidentTests
{
    private static ScribeBotApplication Host() => new ScribeBotApplication()
        .WithSlack()
        .WithPagerDuty()
        .WithSetting("Alerts:Routes:0:Source", "pagerduty")
        .WithSetting("Alerts:Routes:0:Channel", SlackPayloads.Channel.Key);

    [Fact]
    public async Task A_page_declares_the_incident_and_its_acknowledgement_and_escalation_time_the_draft()
    {
        await using var host = await Host().StartKestrelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var fired = TimeProvider.System.GetUtcNow().AddMinutes(-5);

        Assert.Equal((1, 0, 0), await CountsAsync(await host.PostPagerDutyAsync(PagerDutyDeliveries.Triggered(fired))));
        var declared = await host.Slack.WaitForDeliveredAsync("chat.postMessage", 1, timeout.Token);
        Assert.Contains("INC-1 declared from a PagerDuty page", Encoding.UTF8.GetString(declared[0].Body), StringComparison.Ordinal);

        var acknowledgement = PagerDutyDeliveries.Acknowledged(fired, fired.AddMinutes(2));
        Assert.Equal((1, 0, 0), await CountsAsync(await host.PostPagerDutyAsync(acknowledgement)));
        Assert.Equal((1, 0, 0), await CountsAsync(await host.PostPagerDutyAsync(PagerDutyDeliveries.Escalated(fired, fired.AddMinutes(3)))));

        // PagerDuty retries a delivery it did not see answered: applied once.
        Assert.Equal((0, 1, 0), await CountsAsync(await host.PostPagerDutyAsync(acknowledgement)));

        var incident = await host.Store.FindOpenIncidentAsync(SlackPayloads.Channel, timeout.Token);
        Assert.NotNull(incident);
        Assert.Equal("Webhook Tester: Test", incident.Title);
        Assert.Equal(TimeSpan.FromMinutes(2), incident.TimeToAcknowledge);
        Assert.Equal("Ben", incident.Acknowledged!.By.DisplayName);
        Assert.Equal("PagerDuty page: Webhook Tester - Test", incident.DetectionMethod);

        await Ok(host.PostSlackFormAsync(SlackPayloads.Command("resolve rolled back the webhook tester", "1.2.resolve")));

        var markdown = await host.Slack.SharedTextAsync("INC-1-postmortem.md", timeout.Token);
        Assert.StartsWith("# INC-1: Webhook Tester: Test", markdown, StringComparison.Ordinal);
        Assert.Contains("- **Detection:** PagerDuty page: Webhook Tester - Test, at ", markdown, StringComparison.Ordinal);
        var times = markdown.Split('\n').Single(line => line.Contains("(MTTA)", StringComparison.Ordinal));
        Assert.StartsWith("- **Time to acknowledge (MTTA):** 2 minutes; **resolve (MTTR):** ", times, StringComparison.Ordinal);
        Assert.Contains(". From the PagerDuty page at ", times, StringComparison.Ordinal);
        Assert.Contains("**Escalation** - ", markdown, StringComparison.Ordinal);
        Assert.Contains("PagerDuty: escalated", markdown, StringComparison.Ordinal);

        var posted = string.Join("\n", host.Slack.CallsTo("chat.postMessage").Select(c => Encoding.UTF8.GetString(c.Body)));
        Assert.Contains("INC-1 acknowledged", posted, StringComparison.Ordinal);
        Assert.Contains("2 minutes after the page", posted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acknowledgement_that_overtakes_its_trigger_is_placed_by_its_own_time()
    {
        await using var host = await Host().StartKestrelAsync();
        var fired = DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()).AddMinutes(-5);

        Assert.Equal((1, 0, 0), await CountsAsync(await host.PostPagerDutyAsync(PagerDutyDeliveries.Acknowledged(fired, fired.AddMinutes(3)))));
        Assert.Equal((0, 1, 0), await CountsAsync(await host.PostPagerDutyAsync(PagerDutyDeliveries.Triggered(fired))));

        var incident = await host.Store.FindOpenIncidentAsync(SlackPayloads.Channel, CancellationToken.None);
        Assert.NotNull(incident);
        Assert.Equal(fired, incident.ClockStart);
        Assert.Equal(TimeSpan.FromMinutes(3), incident.TimeToAcknowledge);
        var timeline = await host.TimelineAsync(SlackPayloads.Channel);
        Assert.Equal(TimelineTag.Detection, timeline.OrderBy(e => e.At).First().Tags.Single());
    }

    [Fact]
    public async Task A_forged_or_unsigned_page_gets_401_and_opens_nothing()
    {
        await using var host = await Host().StartKestrelAsync();
        var body = PagerDutyDeliveries.Triggered(TimeProvider.System.GetUtcNow().AddMinutes(-1));

        using var forged = await host.PostPagerDutyAsync(body, AlertRequests.SignPagerDuty(body, "not-the-secret-0123456789abcdef"));
        using var unsigned = await host.PostPagerDutyAsync(body, signature: "");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Null(await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
    }

    [Fact]
    public async Task A_page_no_route_matches_is_answered_and_kept_nowhere()
    {
        await using var host = await new ScribeBotApplication()
            .WithSlack()
            .WithPagerDuty()
            .WithSetting("Alerts:Routes:0:Source", "pagerduty")
            .WithSetting("Alerts:Routes:0:Match", "service=PNOSUCH")
            .WithSetting("Alerts:Routes:0:Channel", SlackPayloads.Channel.Key)
            .StartKestrelAsync();

        var counts = await CountsAsync(await host.PostPagerDutyAsync(PagerDutyDeliveries.Triggered(TimeProvider.System.GetUtcNow())));

        Assert.Equal((0, 0, 1), counts);
        Assert.Null(await host.Store.FindLatestIncidentAsync(SlackPayloads.Channel, CancellationToken.None));
    }

    private static async Task<(int Recorded, int Duplicates, int Unrouted)> CountsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;
            return (root.GetProperty("recorded").GetInt32(), root.GetProperty("duplicates").GetInt32(), root.GetProperty("unrouted").GetInt32());
        }
    }

    private static async Task Ok(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
