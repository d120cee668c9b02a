namespace ScribeBot.Core.Paging;

/// <summary>
/// One attribute of a page that a route can match: an Alertmanager or Grafana label (<c>team=payments</c>), a PagerDuty
/// service or escalation policy (<c>service_id=PIJ90N7</c>), an Opsgenie team or tag. A name may repeat (several tags).
/// </summary>
public sealed record PageLabel(string Name, string Value);
