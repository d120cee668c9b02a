using System.Globalization;
using System.Security.Cryptography;
using ScribeBot.Core.Paging;

namespace ScribeBot.Web.Sandbox;

/// <summary>The one page a sandbox channel's buttons act on, per source, from its trigger to its resolution.</summary>
internal sealed record SimulatedAlert(PageSource Source, string AlertId, DateTimeOffset TriggeredAt);

/// <summary>
/// The sandbox's simulated pages, shaped as the pager adapter reads PagerDuty's and Alertmanager's webhooks into page
/// events: PagerDuty's incident id and a fresh event id per event, Alertmanager's fingerprint and start as the alert
/// and its status as the event, the sources' own titles, priorities, labels and links. The links go to the reserved
/// <c>.example</c> domain (RFC 2606), as no real pager holds these pages.
/// </summary>
internal static class SimulatedPages
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    // Crockford's base 32, which PagerDuty's ULID-like event ids are written in.
    private const string EventIdAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public const string Service = "checkout-api";

    /// <summary>Whom the simulated PagerDuty escalation policy pages next.</summary>
    public const string EscalatedTo = "Sam Okafor (escalation policy Checkout on-call)";

    /// <summary>A new page that fired <paramref name="now"/>: a PagerDuty incident id, or an Alertmanager fingerprint and start.</summary>
    public static SimulatedAlert NewAlert(PageSource source, DateTimeOffset now) => source == PageSource.PagerDuty
        ? new SimulatedAlert(source, "Q" + RandomNumberGenerator.GetString(Upper, 13), now)
        : new SimulatedAlert(source, AlertmanagerId(RandomNumberGenerator.GetHexString(16, lowercase: true), now), now);

    /// <summary>One event of <paramref name="alert"/>, happening <paramref name="now"/>, by <paramref name="actor"/> where the source names who acted.</summary>
    public static PageEvent Event(SimulatedAlert alert, PageAction action, DateTimeOffset now, string actor) =>
        alert.Source == PageSource.PagerDuty ? PagerDuty(alert, action, now, actor) : Alertmanager(alert, action, now);

    private static PageEvent PagerDuty(SimulatedAlert alert, PageAction action, DateTimeOffset now, string actor) => new()
    {
        Source = PageSource.PagerDuty,
        Action = action,
        AlertId = alert.AlertId,
        EventId = "01" + RandomNumberGenerator.GetString(EventIdAlphabet, 24),
        At = now,
        TriggeredAt = alert.TriggeredAt,
        Title = "5xx error rate above 5%",
        Service = Service,
        Url = $"https://sandbox.pagerduty.example/incidents/{alert.AlertId}",
        Priority = "P2",
        // A trigger comes from the monitoring integration; the other steps are a responder's, here the sandbox user's.
        Actor = action == PageAction.Triggered ? null : actor,
        Detail = action is PageAction.Escalated ? EscalatedTo : null,
        Labels = [new("service", "PSBX0CK"), new("service_name", Service), new("escalation_policy", "PSBXEP1")],
    };

    private static PageEvent Alertmanager(SimulatedAlert alert, PageAction action, DateTimeOffset now) => new()
    {
        Source = PageSource.Alertmanager,
        Action = action,
        AlertId = alert.AlertId,
        EventId = $"{alert.AlertId}/{(action == PageAction.Triggered ? "firing" : "resolved")}",
        // A firing alert's event is its start; a resolved one's is its end.
        At = action == PageAction.Triggered ? alert.TriggeredAt : now,
        TriggeredAt = alert.TriggeredAt,
        Title = "HighErrorRate: more than 5% of requests answered 5xx",
        Service = Service,
        Url = "http://prometheus.example:9090/graph?g0.expr=job%3Acheckout_api_5xx_ratio%3Arate5m+%3E+0.05",
        Priority = "critical",
        Detail = "31.4% of checkout-api requests answered 5xx over the last 5 minutes.",
        Labels =
        [
            new("alertname", "HighErrorRate"), new("service", Service), new("severity", "critical"),
            new("team", "payments"), new("env", "prod"),
        ],
    };

    // As the adapter keys an Alertmanager alert: each firing is its own page, so one that fires again is a new one.
    private static string AlertmanagerId(string fingerprint, DateTimeOffset startsAt) =>
        $"{fingerprint}@{startsAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)}";
}
