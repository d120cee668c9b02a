using ScribeBot.Core.Text;

namespace ScribeBot.Core.Paging;

/// <summary>How a page source is written where people read it and in configuration (<c>Alerts:Routes:n:Source</c>).</summary>
public static class PageSourceNames
{
    /// <summary>"PagerDuty", "Opsgenie", "Alertmanager", "Grafana".</summary>
    public static string ToLabel(this PageSource source) => source switch
    {
        PageSource.PagerDuty => "PagerDuty",
        PageSource.Opsgenie => "Opsgenie",
        PageSource.Alertmanager => "Alertmanager",
        PageSource.Grafana => "Grafana",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a page source."),
    };

    /// <summary>"pagerduty", "opsgenie", "alertmanager", "grafana": keys and addresses (<c>/alerts/pagerduty</c>).</summary>
    public static string ToName(this PageSource source) => source.ToLabel().ToLowerInvariant();

    /// <summary>Reads a source's <see cref="ToName"/>, in any case and with surrounding spaces.</summary>
    public static bool TryParse(string? name, out PageSource source) => EnumNames.TryParse(name, ToName, out source);
}
