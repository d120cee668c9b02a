using ScribeBot.Core.Paging;
using ScribeBot.Testing.Alerts;

namespace ScribeBot.Tests.Alerts;

/// <summary>
/// Alertmanager's published group notifications (firing, then resolved with its zero <c>endsAt</c>) through the whole
/// host into a Teams channel over real HTTP on 127.0.0.1: the page declares, a route that resolves with the alert
/// closes the incident, and the draft in Teams measures from the page.
/// </summary>
public sealed class PagedTeamsIncidentTests
{
    [Fact]
    public async Task An_alertmanager_page_declares_in_teams_and_its_resolution_closes_the_incident_with_a_draft()
    {
        await using var host = await new ScribeBotApplication()
            .WithTeams()
            .WithAlertToken(PageSource.Alertmanager)
            .WithSetting("Alerts:Routes:0:Source", "alertmanager")
            .WithSetting("Alerts:Routes:0:Match", "alertname=High CPU Temperature")
            .WithSetting("Alerts:Routes:0:Channel", TeamsPayloads.Channel.Key)
            .WithSetting("Alerts:Routes:0:ResolveWithAlert", "true")
            .StartKestrelAsync();

        // The bot can post to a Teams channel only once it has been spoken to there (the conversation's service URL).
        await host.PostActivityOkAsync(TeamsPayloads.ChannelMessage(
            host.ServiceUrl, "1772460000000", "help", TeamsPayloads.Start, ("29:alice", "Alice Ng"), mentionBot: true));
        await host.Connector.WaitForSentAsync(1);

        // Whole milliseconds, as the notification writes them.
        var fired = DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds()).AddMinutes(-6);
        using (var firing = await host.PostWithBearerAsync(PageSource.Alertmanager, Notification("alertmanager_webhook_firing.zulip_test.json", fired)))
        {
            Assert.Equal(HttpStatusCode.OK, firing.StatusCode);
            Assert.Equal("""{"recorded":2,"duplicates":0,"unrouted":0}""", await firing.Content.ReadAsStringAsync());
        }

        var incident = await host.Store.FindOpenIncidentAsync(TeamsPayloads.Channel, CancellationToken.None);
        Assert.NotNull(incident);
        Assert.Equal(Severity.Sev1, incident.Severity);
        Assert.Equal(2, incident.PageKeys.Count);
        Assert.Equal(PageSource.Alertmanager, incident.Page!.Source);

        using (var resolved = await host.PostWithBearerAsync(PageSource.Alertmanager, Notification("alertmanager_webhook_resolved_ZERO_ENDSAT.zulip_test.json", fired)))
        {
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }

        var closed = await host.Store.GetIncidentAsync(incident.Id, CancellationToken.None);
        Assert.Equal(IncidentStatus.Resolved, closed!.Status);
        Assert.Equal(fired, closed.ClockStart);

        var sent = await WaitForTextAsync(host, ". From the Alertmanager page at");
        Assert.Contains(sent, s => s.Text.Contains("INC-1 declared from an Alertmanager page", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Text.Contains("INC-1 resolved", StringComparison.Ordinal) && s.Text.Contains("with its Alertmanager page", StringComparison.Ordinal));
    }

    // The published notification with its alerts' start moved to today (the same for both, so the resolution names the
    // same alert: fingerprint and start).
    private static byte[] Notification(string fixture, DateTimeOffset startsAt)
    {
        var root = JsonNode.Parse(Fixtures.Alerts.Text(fixture))!;
        foreach (var alert in root["alerts"]!.AsArray())
        {
            alert!["startsAt"] = startsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static async Task<IReadOnlyList<SentActivity>> WaitForTextAsync(ScribeBotApplication host, string text)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var sent = host.Connector.Sent;
            if (sent.Any(s => s.Text.Contains(text, StringComparison.Ordinal)))
            {
                return sent;
            }

            await host.Connector.WaitForSentAsync(sent.Count + 1, TimeSpan.FromSeconds(60)).WaitAsync(patience.Token);
        }
    }
}
