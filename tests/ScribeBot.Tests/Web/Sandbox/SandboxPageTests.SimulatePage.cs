namespace ScribeBot.Tests.Web.Sandbox;

// The "simulate a page" control (issue 16, item 5), over the same host and HTTP: forms, the page intake, the outbox.
public sealed partial class SandboxPageTests
{
    [Fact]
    public async Task A_simulated_PagerDuty_page_declares_the_incident_and_its_ack_escalation_and_resolution_are_one_pages_life()
    {
        using var alice = new SandboxSession(_host);
        await alice.UseNameAsync("Alice Ng");

        await SimulateAsync(alice, "pagerduty-trigger");

        var declared = await alice.WaitForAsync(null, item => item.Kind == SandboxItemKind.Announcement && item.Html!.Contains("declared", StringComparison.Ordinal));
        Assert.StartsWith("<strong>INC-1 declared from a PagerDuty page: </strong>checkout-api: 5xx error rate above 5% (SEV2, fired ", declared.Html, StringComparison.Ordinal);
        var trigger = Assert.Single(alice.Feed.Read(SandboxSession.Channel, null).Items, item => item.Kind == SandboxItemKind.Alert);
        Assert.Equal("PagerDuty", trigger.Author);
        Assert.Contains("<strong>incident.triggered</strong>", trigger.Html, StringComparison.Ordinal);
        Assert.Contains("(simulated by Alice Ng)", trigger.Html, StringComparison.Ordinal);
        Assert.Contains("Page Q", await alice.GetAsync(), StringComparison.Ordinal);

        await SimulateAsync(alice, "pagerduty-acknowledge");
        await SimulateAsync(alice, "pagerduty-escalate");
        await SimulateAsync(alice, "pagerduty-resolve");
        await alice.WaitForAsync(null, item => item.Html?.Contains("The PagerDuty page resolved", StringComparison.Ordinal) == true);

        var incident = (await Store.FindOpenIncidentAsync(SandboxSession.Channel, CancellationToken.None))!;
        var page = incident.Page!;
        Assert.Single(incident.PageKeys);
        Assert.Matches("^Q[A-Z0-9]{13}$", page.AlertId);
        Assert.Equal($"https://sandbox.pagerduty.example/incidents/{page.AlertId}", page.Url);
        Assert.Equal("PagerDuty: checkout-api - 5xx error rate above 5%", page.Description);
        Assert.Equal(page.TriggeredAt, incident.ClockStart);
        Assert.Equal("Alice Ng", incident.Acknowledged!.By.DisplayName);
        Assert.Equal(incident.Acknowledged.At - page.TriggeredAt, incident.TimeToAcknowledge);

        var timeline = await _host.TimelineAsync(SandboxSession.Channel);
        Assert.Equal(page.TriggeredAt, Assert.Single(timeline, e => e.Tags.Contains(TimelineTag.Detection)).At);
        var escalation = Assert.Single(timeline, e => e.Tags.Contains(TimelineTag.Escalation));
        Assert.Equal($"PagerDuty: escalated by Alice Ng: {SimulatedPages.EscalatedTo}", escalation.Text);
        Assert.Single(timeline, e => e.Text == "PagerDuty: page resolved by Alice Ng");
        Assert.Equal(4, alice.Feed.Read(SandboxSession.Channel, null).Items.Count(item => item.Kind == SandboxItemKind.Alert));

        // The page is over: people close the incident, and its draft measures from the page.
        var draft = await alice.ResolveAndWaitForDraftAsync("/incident resolve rolled back");
        Assert.Contains("From the PagerDuty page at", draft.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acting_on_a_page_that_never_fired_is_refused_with_a_sentence_and_changes_nothing()
    {
        await AssertRefusedToANamelessVisitorAsync("page", ("simulate", "pagerduty-acknowledge"), "No simulated PagerDuty page has fired in this channel: press Trigger first");
    }

    [Fact]
    public async Task A_simulated_Alertmanager_alert_fires_and_resolves_in_its_own_channel_without_a_user_name()
    {
        var channel = SandboxChannel.ChannelOf("payments-oncall");
        using var session = new SandboxSession(_host);
        await session.GetAsync("/sandbox?channel=payments-oncall");

        await SimulateAsync(session, "alertmanager-firing", "payments-oncall");
        await SimulateAsync(session, "alertmanager-resolved", "payments-oncall");

        var incident = (await Store.FindOpenIncidentAsync(channel, CancellationToken.None))!;
        Assert.Equal("checkout-api: HighErrorRate: more than 5% of requests answered 5xx", incident.Title);
        Assert.Equal(Severity.Sev1, incident.Severity);
        Assert.Matches("^[0-9a-f]{16}@\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z$", incident.Page!.AlertId);
        var timeline = await _host.TimelineAsync(channel);
        Assert.Single(timeline, e => e.MessageId == $"page:alertmanager:{incident.Page.AlertId}/resolved");
        Assert.Null(await Store.FindLatestIncidentAsync(SandboxSession.Channel, CancellationToken.None));

        // Resolved, the alert is over: nothing is left to resolve until it fires again.
        using var again = await session.PostAsync("page", ("channel", "payments-oncall"), ("simulate", "alertmanager-resolved"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task A_simulated_page_without_the_antiforgery_token_is_refused_with_400()
    {
        using var client = _host.CreateBrowserClient();
        using var form = new FormUrlEncodedContent([KeyValuePair.Create("simulate", "pagerduty-trigger")]);

        using var response = await client.PostAsync(new Uri("/sandbox/page", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await Store.FindLatestIncidentAsync(SandboxSession.Channel, CancellationToken.None));
    }

    [Fact]
    public async Task An_unknown_choice_is_refused()
    {
        using var session = new SandboxSession(_host);

        using var response = await session.PostAsync("page", ("simulate", "opsgenie-create"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("opsgenie-create&#x27; is not a page the sandbox can simulate.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task SimulateAsync(SandboxSession session, string choice, string channel = SandboxInput.DefaultChannel)
    {
        using var response = await session.PostAsync("page", ("channel", channel), ("simulate", choice));
        SandboxSession.AssertRedirected(response);
        Assert.EndsWith("#simulate", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
