using ScribeBot.Core.Paging;

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

    /// <summary>True when <paramref name="source"/>'s secret is set, so its endpoint takes pages.</summary>
    public bool IsOn(PageSource source) => source switch
    {
        PageSource.PagerDuty => PagerDuty.ConfiguredSecrets.Count > 0,
        PageSource.Opsgenie => Opsgenie.IsSet,
        PageSource.Alertmanager => Alertmanager.IsSet,
        PageSource.Grafana => Grafana.IsSet,
        _ => false,
    };

    /// <summary>The key that turns <paramref name="source"/> on, for messages: <c>Alerts:Opsgenie:Token</c>.</summary>
    public static string SecretKeyOf(PageSource source) =>
        $"{SectionName}:{source.ToLabel()}:{(source == PageSource.PagerDuty ? "SigningSecrets:0" : "Token")}";
}
