using ScribeBot.Alerts.Reading;
using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts.Sources;

/// <summary>The four sources, each configured from its part of <see cref="AlertsOptions"/>.</summary>
internal sealed class AlertSources
{
    private readonly Dictionary<PageSource, IAlertSource> _sources;

    public AlertSources(AlertsOptions options)
    {
        IAlertSource[] sources =
        [
            new PagerDutySource(options.PagerDuty),
            new SharedTokenSource(PageSource.Opsgenie, options.Opsgenie, OpsgenieReader.Read),
            new SharedTokenSource(PageSource.Alertmanager, options.Alertmanager,
                (payload, receivedAt) => PrometheusAlertReader.Read(payload, PageSource.Alertmanager, receivedAt)),
            new SharedTokenSource(PageSource.Grafana, options.Grafana,
                (payload, receivedAt) => PrometheusAlertReader.Read(payload, PageSource.Grafana, receivedAt)),
        ];
        _sources = sources.ToDictionary(source => source.Source);
    }

    public IAlertSource this[PageSource source] => _sources[source];
}
