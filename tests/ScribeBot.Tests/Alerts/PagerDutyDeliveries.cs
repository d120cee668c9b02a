using ScribeBot.Testing.Alerts;

namespace ScribeBot.Tests.Alerts;

/// <summary>
/// PagerDuty's published V3 deliveries of one incident (Q2CKYRLH85UNN4, "Test" on "Webhook Tester"), moved to today so
/// the endpoint's replay window takes them: only the times change (and, for the escalation, which comes from another
/// published incident, the incident id), then the test signs the body as PagerDuty would.
/// </summary>
internal static class PagerDutyDeliveries
{
    public const string IncidentId = "Q2CKYRLH85UNN4";

    public static byte[] Triggered(DateTimeOffset firedAt) =>
        Edit("pagerduty_v3_incident_triggered.aldaviva_pagerduty_test.json", firedAt, firedAt);

    public static byte[] Acknowledged(DateTimeOffset firedAt, DateTimeOffset at) =>
        Edit("pagerduty_v3_incident_acknowledged.aldaviva_pagerduty_test.json", firedAt, at);

    public static byte[] Escalated(DateTimeOffset firedAt, DateTimeOffset at) =>
        Edit("pagerduty_v3_incident_escalated.zulip_test.json", firedAt, at, IncidentId);

    private static byte[] Edit(string fixture, DateTimeOffset firedAt, DateTimeOffset at, string? incidentId = null)
    {
        var root = JsonNode.Parse(Fixtures.Alerts.Text(fixture))!;
        var delivery = root["event"]!;
        delivery["occurred_at"] = Iso(at);
        var data = delivery["data"]!;
        data["created_at"] = Iso(firedAt);
        if (incidentId is not null)
        {
            data["id"] = incidentId;
        }

        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
