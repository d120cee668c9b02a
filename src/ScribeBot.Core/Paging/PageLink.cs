namespace ScribeBot.Core.Paging;

/// <summary>A page recorded on an incident: enough to name it, link to it and run the on-call clocks from it.</summary>
public sealed record PageLink(
    PageSource Source, string AlertId, DateTimeOffset TriggeredAt, string Title, string? Service = null, string? Url = null)
{
    /// <summary>Unique across sources (<c>pagerduty:Q1ABC</c>): how an incident knows the page's later events are its own.</summary>
    public string Key => KeyOf(Source, AlertId);

    /// <summary>"PagerDuty: checkout-api - High error rate", or without the service when the source names none.</summary>
    public string Description => Service is { Length: > 0 } service
        ? $"{Source.ToLabel()}: {service} - {Title}"
        : $"{Source.ToLabel()}: {Title}";

    public static string KeyOf(PageSource source, string alertId) => $"{source.ToName()}:{alertId}";

    public static PageLink Of(PageEvent page) =>
        new(page.Source, page.AlertId, page.TriggeredAt, page.Title, page.Service, page.Url);
}
