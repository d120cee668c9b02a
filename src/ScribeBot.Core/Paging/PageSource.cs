namespace ScribeBot.Core.Paging;

/// <summary>The on-call or alerting system a page came from.</summary>
public enum PageSource
{
    PagerDuty,
    Opsgenie,
    Alertmanager,
    Grafana,
}
