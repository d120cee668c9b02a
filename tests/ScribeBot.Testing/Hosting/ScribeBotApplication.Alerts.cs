using ScribeBot.Alerts;
using ScribeBot.Core.Paging;
using ScribeBot.Testing.Alerts;

namespace ScribeBot.Testing;

public sealed partial class ScribeBotApplication
{
    /// <summary>
    /// PagerDuty on, taking events signed with any of <paramref name="secrets"/> (none given:
    /// <see cref="AlertRequests.PagerDutySecret"/>).
    /// </summary>
    public ScribeBotApplication WithPagerDuty(params string[] secrets)
    {
        string[] configured = secrets.Length == 0 ? [AlertRequests.PagerDutySecret] : secrets;
        WithPlatformSetting("Alerts:PagerDuty:SigningSecrets", null);
        for (var index = 0; index < configured.Length; index++)
        {
            WithPlatformSetting($"Alerts:PagerDuty:SigningSecrets:{index}", configured[index]);
        }

        return this;
    }

    /// <summary>A token source (Opsgenie, Alertmanager, Grafana) on, taking <paramref name="token"/>.</summary>
    public ScribeBotApplication WithAlertToken(PageSource source, string token = AlertRequests.Token) =>
        WithPlatformSetting(AlertsOptions.SecretKeyOf(source), token);

    /// <summary>Hands the alert endpoints' pages to <paramref name="receiver"/> instead of the core's intake.</summary>
    public ScribeBotApplication WithPageReceiver(IPageReceiver receiver) =>
        WithServices(services => services.AddSingleton(receiver));
}
