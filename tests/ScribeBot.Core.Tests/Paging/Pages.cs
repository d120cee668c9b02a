using ScribeBot.Core.Paging;
using ScribeBot.Core.Paging.Routing;

namespace ScribeBot.Core.Tests.Paging;

/// <summary>Page events as a pager adapter hands them to the core: one PagerDuty incident's life, by default.</summary>
internal static class Pages
{
    /// <summary>The page fired 13:58 UTC, two minutes before <see cref="CommandTestBed.Start"/>.</summary>
    public static readonly DateTimeOffset Fired = CommandTestBed.Start.AddMinutes(-2);

    public static PageEvent PagerDuty(PageAction action, string eventId, DateTimeOffset at, string? actor = null, string? detail = null) => new()
    {
        Source = PageSource.PagerDuty,
        Action = action,
        AlertId = "Q1ABC",
        EventId = eventId,
        At = at,
        TriggeredAt = Fired,
        Title = "High error rate",
        Service = "checkout-api",
        Url = "https://acme.pagerduty.com/incidents/Q1ABC",
        Actor = actor,
        Detail = detail,
        Priority = "P1",
        Labels = [new PageLabel("service", "PSVC1"), new PageLabel("escalation_policy", "PEP1")],
    };

    public static PageEvent Alertmanager(string status, DateTimeOffset at, params PageLabel[] labels) => new()
    {
        Source = PageSource.Alertmanager,
        Action = status == "resolved" ? PageAction.Resolved : PageAction.Triggered,
        AlertId = $"f00d@{Fired:O}",
        EventId = $"f00d@{Fired:O}/{status}",
        At = at,
        TriggeredAt = Fired,
        Title = "DiskFull",
        Priority = "warning",
        Labels = labels,
    };

    public static PageRouteOptions Route(string channel = "slack:T1:C1", string? source = null, string? match = null, bool declare = true, bool resolveWithAlert = false) => new()
    {
        Source = source,
        Match = match,
        Channel = channel,
        Declare = declare,
        ResolveWithAlert = resolveWithAlert,
    };
}
