using ScribeBot.Core.Paging;

namespace ScribeBot.Web.Sandbox;

/// <summary>
/// One button of the sandbox's "simulate a page" control: the source, the on-call action and the name the source's
/// webhook gives that event (<c>incident.acknowledged</c>, <c>firing</c>), which the feed shows.
/// </summary>
internal sealed record SandboxPageChoice(string Value, PageSource Source, PageAction Action, string Label, string EventName)
{
    /// <summary>PagerDuty's four steps of a page's life, and Alertmanager's two states.</summary>
    public static IReadOnlyList<SandboxPageChoice> All { get; } =
    [
        new("pagerduty-trigger", PageSource.PagerDuty, PageAction.Triggered, "Trigger", "incident.triggered"),
        new("pagerduty-acknowledge", PageSource.PagerDuty, PageAction.Acknowledged, "Acknowledge", "incident.acknowledged"),
        new("pagerduty-escalate", PageSource.PagerDuty, PageAction.Escalated, "Escalate", "incident.escalated"),
        new("pagerduty-resolve", PageSource.PagerDuty, PageAction.Resolved, "Resolve", "incident.resolved"),
        new("alertmanager-firing", PageSource.Alertmanager, PageAction.Triggered, "Firing", "firing"),
        new("alertmanager-resolved", PageSource.Alertmanager, PageAction.Resolved, "Resolved", "resolved"),
    ];

    /// <summary>The sources the control offers, in the order it shows them.</summary>
    public static IReadOnlyList<PageSource> Sources { get; } = [PageSource.PagerDuty, PageSource.Alertmanager];

    public static SandboxPageChoice? Find(string? value) => All.FirstOrDefault(choice => string.Equals(choice.Value, value, StringComparison.Ordinal));

    public static IEnumerable<SandboxPageChoice> Of(PageSource source) => All.Where(choice => choice.Source == source);
}
