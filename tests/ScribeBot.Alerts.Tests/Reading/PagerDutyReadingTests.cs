using ScribeBot.Alerts.Reading;
using static ScribeBot.Alerts.Tests.Reading.FixtureReads;

namespace ScribeBot.Alerts.Tests.Reading;

/// <summary>PagerDuty's published V3 deliveries, each read into the page event the core is handed.</summary>
public sealed class PagerDutyReadingTests
{
    [Fact]
    public void A_2021_trigger_without_created_at_is_timed_from_its_event_and_prioritised_by_urgency()
    {
        var page = PagerDuty("pagerduty_v3_incident_triggered.zulip_test.json");

        var at = Utc("2021-06-04T13:35:29.781Z");
        AssertPage(new PageEvent
        {
            Source = PageSource.PagerDuty,
            Action = PageAction.Triggered,
            AlertId = "PFQZPSY",
            EventId = "01BZYIL05THJDFF2Y08X9SVMTU",
            At = at,
            TriggeredAt = at,
            Title = "Test Incident 3",
            Service = "pig208",
            Url = "https://pig208.pagerduty.com/incidents/PFQZPSY",
            Actor = "PIG 208",
            Priority = "high",
            Detail = null,
            Labels = [Label("service", "PA2P440"), Label("service_name", "pig208"), Label("escalation_policy", "PY82TC6")],
        }, page);
    }

    [Fact]
    public void A_current_trigger_is_timed_from_the_incident_created_at()
    {
        var page = PagerDuty("pagerduty_v3_incident_triggered.aldaviva_pagerduty_test.json");

        Assert.Equal(PageAction.Triggered, page.Action);
        Assert.Equal("Q2CKYRLH85UNN4", page.AlertId);
        Assert.Equal("01FKZSRAPTMF55RE69G8BQHGC6", page.EventId);
        Assert.Equal(Utc("2025-04-07T03:47:13Z"), page.TriggeredAt);
        Assert.Equal(Utc("2025-04-07T03:47:13.414Z"), page.At);
        Assert.Equal("Test", page.Title);
        Assert.Equal("Webhook Tester", page.Service);
        Assert.Equal("Ben", page.Actor);
        Assert.Equal("low", page.Priority);
        Assert.Equal([Label("service", "PNE3JZM"), Label("service_name", "Webhook Tester"), Label("escalation_policy", "P482651")], page.Labels);
    }

    [Theory]
    [InlineData("pagerduty_v3_incident_acknowledged.zulip_test.json", "PQ1K5C8", "01BZYK8N47N5JG55J1EEEHPEJI", "2021-06-04T13:55:30.394Z")]
    [InlineData("pagerduty_v3_incident_acknowledged.aldaviva_pagerduty_test.json", "Q2CKYRLH85UNN4", "01FKZSRAQJLP9S3OPM2VALGUPJ", "2025-04-07T03:47:13.546Z")]
    public void An_acknowledgement_names_who_acknowledged_and_when(string fixture, string alertId, string eventId, string at)
    {
        var page = PagerDuty(fixture);

        Assert.Equal(PageAction.Acknowledged, page.Action);
        Assert.Equal(alertId, page.AlertId);
        Assert.Equal(eventId, page.EventId);
        Assert.Equal(Utc(at), page.At);
        Assert.NotNull(page.Actor);
    }

    [Theory]
    [InlineData("pagerduty_v3_incident_resolved.zulip_test.json", "PCPZE64", "2021-06-04T13:16:53.816Z", "PIG 208")]
    [InlineData("pagerduty_v3_incident_resolved.aldaviva_pagerduty_test.json", "Q2CKYRLH85UNN4", "2025-04-07T03:49:36.358Z", "Ben")]
    public void A_resolution_is_timed_from_its_event(string fixture, string alertId, string at, string actor)
    {
        var page = PagerDuty(fixture);

        Assert.Equal(PageAction.Resolved, page.Action);
        Assert.Equal(alertId, page.AlertId);
        Assert.Equal(Utc(at), page.At);
        Assert.Equal(actor, page.Actor);
    }

    [Fact]
    public void An_escalation_says_to_whom_under_which_policy_with_the_incident_priority()
    {
        var page = PagerDuty("pagerduty_v3_incident_escalated.zulip_test.json");

        Assert.Equal(PageAction.Escalated, page.Action);
        Assert.Equal("Q3B15VLMF3ASBD", page.AlertId);
        Assert.Equal("01GI0JWUU28G8XE5M6IIT4BZ39", page.EventId);
        Assert.Equal(Utc("2026-04-01T02:07:30Z"), page.TriggeredAt);
        Assert.Equal(Utc("2026-04-01T02:08:04.642Z"), page.At);
        Assert.Equal("Critical: Checkout API High Latency", page.Title);
        Assert.Equal("Default Service", page.Service);
        Assert.Equal("P1", page.Priority);
        Assert.Equal("Harsh Santwani (escalation policy Default)", page.Detail);
        Assert.Equal("https://harsh0303.pagerduty.com/incidents/Q3B15VLMF3ASBD", page.Url);
        Assert.Contains(Label("escalation_policy", "P1EUYO0"), page.Labels);
        Assert.Contains(Label("service", "PLVTM9H"), page.Labels);
    }

    [Fact]
    public void A_reassignment_names_the_new_assignee_and_the_person_who_reassigned()
    {
        var page = PagerDuty("pagerduty_v3_incident_reassigned.zulip_test.json");

        Assert.Equal(PageAction.Reassigned, page.Action);
        Assert.Equal("PIQUG8X", page.AlertId);
        Assert.Equal("Test User (escalation policy Default)", page.Detail);
        Assert.Equal("PIG 208", page.Actor);
    }

    [Theory]
    [InlineData("pagerduty_v3_incident_annotated.zulip_test.json", "Q3B15VLMF3ASBD", "Critical: Checkout API High Latency",
        "Running KILL on long-running queries from the reporting-service.", "2026-04-01T02:18:59.674Z",
        "https://harsh0303.pagerduty.com/incidents/Q3B15VLMF3ASBD")]
    [InlineData("pagerduty_v3_incident_annotated.aldaviva_pagerduty_test.json", "Q2CKYRLH85UNN4", "Test",
        "Resolution Note: I'm resolving it", "2025-04-07T03:49:36.680Z", "https://aldaviva.pagerduty.com/incidents/Q2CKYRLH85UNN4")]
    public void A_note_belongs_to_its_referenced_incident_and_carries_its_text(
        string fixture, string alertId, string title, string note, string at, string url)
    {
        var page = PagerDuty(fixture);

        Assert.Equal(PageAction.Annotated, page.Action);
        Assert.Equal(alertId, page.AlertId);
        Assert.Equal(title, page.Title);
        Assert.Equal(note, page.Detail);
        Assert.Equal(Utc(at), page.At);
        Assert.Equal(url, page.Url);
        // A note references its incident only: nothing to route by, and no service.
        Assert.Empty(page.Labels);
        Assert.Null(page.Service);
    }

    [Theory]
    [InlineData("pagerduty_v3_incident_priority_updated.docs.json", "PGR0VU2", "P1", "2020-04-09T15:16:27Z")]
    [InlineData("pagerduty_v3_incident_priority_updated.zulip_test.json", "Q3B15VLMF3ASBD", "P2", "2026-04-01T02:07:30Z")]
    public void A_priority_change_carries_the_new_priority(string fixture, string alertId, string priority, string createdAt)
    {
        var page = PagerDuty(fixture);

        Assert.Equal(PageAction.PriorityUpdated, page.Action);
        Assert.Equal(alertId, page.AlertId);
        Assert.Equal(priority, page.Priority);
        Assert.Equal(priority, page.Detail);
        Assert.Equal(Utc(createdAt), page.TriggeredAt);
    }

    [Fact]
    public void The_documented_envelope_routes_by_service_policy_and_team()
    {
        var page = PagerDuty("pagerduty_v3_incident_priority_updated.docs.json");

        Assert.Equal(
            [Label("service", "PF9KMXH"), Label("service_name", "API Service"), Label("escalation_policy", "PUS0KTE"), Label("team", "PFCVPS0")],
            page.Labels);
        Assert.Equal("Tenex Engineer", page.Actor);
        Assert.Equal("A little bump in the road", page.Title);
    }

    [Theory]
    [InlineData("pagerduty_v3_pagey_ping.aldaviva_pagerduty_test.json", "2025-04-07T03:00:55.532Z")]
    [InlineData("pagerduty_v3_service_updated.docs.json", "2021-03-02T13:35:11.682Z")]
    public void Events_that_are_no_page_are_ignored(string fixture, string occurredAt)
    {
        var read = Read(PageSource.PagerDuty, Fixtures.Alerts.Bytes(fixture), Utc(occurredAt));

        Assert.Equal(AlertReadOutcome.Ignored, read.Outcome);
        Assert.Empty(read.Pages);
    }

    [Fact]
    public void An_event_further_than_the_allowed_age_from_now_is_refused_either_way()
    {
        var body = Fixtures.Alerts.Bytes("pagerduty_v3_incident_triggered.aldaviva_pagerduty_test.json");
        var occurredAt = Utc("2025-04-07T03:47:13.414Z");

        Assert.Equal(AlertReadOutcome.Refused, Read(PageSource.PagerDuty, body, occurredAt.AddHours(2), TimeSpan.FromHours(1)).Outcome);
        Assert.Equal(AlertReadOutcome.Refused, Read(PageSource.PagerDuty, body, occurredAt.AddHours(-2), TimeSpan.FromHours(1)).Outcome);
        Assert.Equal(AlertReadOutcome.Pages, Read(PageSource.PagerDuty, body, occurredAt.AddMinutes(59), TimeSpan.FromHours(1)).Outcome);
    }
}
