using ScribeBot.Alerts.Reading;
using static ScribeBot.Alerts.Tests.Reading.FixtureReads;

namespace ScribeBot.Alerts.Tests.Reading;

/// <summary>Opsgenie's published outgoing-webhook bodies, each read into the page event the core is handed.</summary>
public sealed class OpsgenieReadingTests
{
    private const string DocsAlertId = "052652ac-5d1c-464a-812a-7dd18bbfba8c";

    [Fact]
    public void The_documented_create_is_a_trigger_timed_by_createdAt_and_routed_by_teams_and_tags()
    {
        var page = Single(PageSource.Opsgenie, "opsgenie_webhook_create.docs.json");

        Assert.Equal(PageAction.Triggered, page.Action);
        Assert.Equal(DocsAlertId, page.AlertId);
        // createdAt is in milliseconds, updatedAt (the action's time) in nanoseconds.
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1420452191104), page.TriggeredAt);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(1420452193166002000 / 100), page.At);
        Assert.Equal($"{DocsAlertId}/Create/1420452193166002000", page.EventId);
        // The docs' message has a leading space.
        Assert.Equal("test alert", page.Title);
        Assert.Equal("team1", page.Service);
        Assert.Equal("fili@ifountain.com", page.Actor);
        Assert.Equal([Label("team", "team1"), Label("team", "team2"), Label("tag", "tag1"), Label("tag", "tag2")], page.Labels);
    }

    [Fact]
    public void A_real_create_names_its_entity_and_reads_a_numeric_priority_as_P_n()
    {
        var page = Single(PageSource.Opsgenie, "opsgenie_webhook_create.zulip_test.json");

        Assert.Equal("ec03dad6-62c8-4c94-b38b-d88f398e900f", page.AlertId);
        Assert.Equal("another alert", page.Title);
        Assert.Equal("Server", page.Service);
        Assert.Equal("P3", page.Priority);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1502709956288), page.TriggeredAt);
        Assert.Equal([Label("tag", "vip")], page.Labels);
    }

    [Theory]
    [InlineData("opsgenie_webhook_acknowledge.zulip_test.json", PageAction.Acknowledged, "Acknowledge", 1420452224764002246)]
    [InlineData("opsgenie_webhook_close.zulip_test.json", PageAction.Resolved, "Close", 1420452374669001603)]
    [InlineData("opsgenie_webhook_addnote.zulip_test.json", PageAction.Annotated, "AddNote", 1420452275002000962)]
    public void Later_actions_on_the_documented_alert_are_timed_by_updatedAt(string fixture, PageAction action, string name, long updatedAt)
    {
        var page = Single(PageSource.Opsgenie, fixture);

        Assert.Equal(action, page.Action);
        Assert.Equal(DocsAlertId, page.AlertId);
        Assert.Equal($"{DocsAlertId}/{name}/{updatedAt}", page.EventId);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(updatedAt / 100), page.At);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1420452191104), page.TriggeredAt);
        Assert.Equal("fili@ifountain.com", page.Actor);
        // No entity and no team: the alert's source names it.
        Assert.Equal("fili@ifountain.com", page.Service);
    }

    [Fact]
    public void A_note_carries_its_text()
    {
        Assert.Equal("note to test alert", Single(PageSource.Opsgenie, "opsgenie_webhook_addnote.zulip_test.json").Detail);
    }

    [Fact]
    public void An_escalation_without_alert_times_is_timed_on_receipt_and_keyed_by_the_escalation_and_its_repeat()
    {
        var page = Single(PageSource.Opsgenie, "opsgenie_webhook_escalate.zulip_test.json");

        Assert.Equal(PageAction.Escalated, page.Action);
        Assert.Equal("7ba97e3a-d328-4b5e-8f9a-39e945a3869a", page.AlertId);
        Assert.Equal("7ba97e3a-d328-4b5e-8f9a-39e945a3869a/Escalate/51859f57-7fad-467b-ad79-59acbc69cb6a:0", page.EventId);
        Assert.Equal(ReceivedAt, page.At);
        Assert.Equal(ReceivedAt, page.TriggeredAt);
        Assert.Equal("test@ifountain.com (escalation test_esc)", page.Detail);
        Assert.Equal("Opsgenie alert 7ba97e3a-d328-4b5e-8f9a-39e945a3869a", page.Title);
    }

    [Fact]
    public void Actions_outside_the_on_call_flow_are_ignored()
    {
        var body = Edited("opsgenie_webhook_acknowledge.zulip_test.json", body => body["action"] = "TakeOwnership");

        Assert.Equal(AlertReadOutcome.Ignored, Read(PageSource.Opsgenie, body).Outcome);
    }
}
