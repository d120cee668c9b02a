namespace ScribeBot.Alerts;

/// <summary>
/// The <c>Alerts</c> configuration section, one subsection per page source; a source is on (its endpoint answers)
/// once its secret is set. The secrets come from the environment (<c>Alerts__Opsgenie__Token</c> ...), never from a
/// committed file. <c>Alerts:Routes</c>, in the same section, belongs to the core's routing.
/// </summary>
public sealed class AlertsOptions
{
    public const string SectionName = "Alerts";

    public PagerDutyOptions PagerDuty { get; set; } = new();

    public SharedTokenOptions Opsgenie { get; set; } = new();

    public SharedTokenOptions Alertmanager { get; set; } = new();

    public SharedTokenOptions Grafana { get; set; } = new();
}
