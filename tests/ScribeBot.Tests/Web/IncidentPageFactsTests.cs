namespace ScribeBot.Tests.Web;

/// <summary>The incident page states the draft's facts by the same rules (issue 17, item 5): no "[not recorded]" beside a tagged detection.</summary>
public sealed class IncidentPageFactsTests
{
    [Fact]
    public async Task A_tagged_detection_and_a_recovery_show_on_the_page_as_the_draft_states_them()
    {
        await using var host = await DashboardFixture.StartHostAsync();
        var (channel, t0) = await DeclareWithTaggedDetectionAsync(host);
        await host.RunAsync(channel, DashboardFixture.Bo, "recovered", t0.AddMinutes(30));
        var incident = (await host.RunAsync(channel, DashboardFixture.Alice, "resolve", t0.AddMinutes(45))).Incident!;

        var text = Html.Text(await host.PageAsync("/incidents/" + Uri.EscapeDataString(incident.Id)));

        // 09:00 UTC is 10:00 in Berlin; the tagged message came 4 minutes before the declaration and starts the outage.
        TextAssert.ContainsAll(
            text,
            "Detected Fri, Mar 20, 2026, 09:56 CET the first message tagged detection, by Bo Chen",
            "Impact ended Fri, Mar 20, 2026, 10:30 CET by Bo Chen",
            "Duration 34 minutes (from Mar 20, 2026 09:56 Europe/Berlin (CET), to when impact ended)",
            "MTTR 45 minutes");
        Assert.DoesNotContain(Placeholders.DetectionTime, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_states_the_outage_of_the_incident_page_when_messages_are_tagged()
    {
        await using var host = await DashboardFixture.StartHostAsync();
        var (channel, t0) = await DeclareWithTaggedDetectionAsync(host);
        await host.SayAsync(channel, "s2", DashboardFixture.Bo, "p99 back under 300ms", t0.AddMinutes(26));
        await host.TagAsync(channel, "s2", TimelineTag.Resolution, DashboardFixture.Bo);
        var incident = (await host.RunAsync(channel, DashboardFixture.Alice, "resolve", t0.AddMinutes(45))).Incident!;

        var page = Html.Text(await host.PageAsync("/incidents/" + Uri.EscapeDataString(incident.Id)));
        var row = Html.Cells(Html.RowOf(await host.PageAsync("/"), incident.Id));

        // From the tagged detection (09:56 in Berlin) to the message tagged resolution: 30 minutes, not the 45 to the resolve.
        Assert.Contains("Duration 30 minutes (from Mar 20, 2026 09:56 Europe/Berlin (CET), to when impact ended)", page, StringComparison.Ordinal);
        Assert.Equal(["Mar 20, 2026 09:56 Europe/Berlin (CET)", "30 minutes", "45 minutes"], new[] { row[6], row[7], row[9] });
    }

    /// <summary>Declares "Search is slow" three hours ago, with a message tagged detection four minutes before it.</summary>
    private static async Task<(ChannelRef Channel, DateTimeOffset Declared)> DeclareWithTaggedDetectionAsync(ScribeBotApplication host)
    {
        var channel = DashboardFixture.SlackChannel;
        var t0 = DashboardFixture.Now.AddHours(-3);
        await host.RunAsync(channel, DashboardFixture.Alice, "start Search is slow sev3", t0);
        await host.SayAsync(channel, "s1", DashboardFixture.Bo, "search p99 at 9s", t0.AddMinutes(-4));
        await host.TagAsync(channel, "s1", TimelineTag.Detection, DashboardFixture.Bo);
        return (channel, t0);
    }
}
