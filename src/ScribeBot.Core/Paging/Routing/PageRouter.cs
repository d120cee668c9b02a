using Microsoft.Extensions.Options;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Paging.Routing;

/// <summary>Finds the first configured route that matches a page. The routes are read once; the validator refuses a bad one at start-up.</summary>
public sealed class PageRouter
{
    private readonly IReadOnlyList<PageRoute> _routes;

    public PageRouter(IOptions<PageRoutingOptions> options)
    {
        _routes = Read(options.Value, out var failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(PageRoutingOptions.SectionName, typeof(PageRoutingOptions), failures);
        }
    }

    public IReadOnlyList<PageRoute> Routes => _routes;

    public PageRoute? Find(PageEvent page) => _routes.FirstOrDefault(route => route.Matches(page));

    /// <summary>The routes as configured, and a sentence naming the key for each one that cannot be used.</summary>
    public static IReadOnlyList<PageRoute> Read(PageRoutingOptions options, out List<string> failures)
    {
        failures = [];
        var routes = new List<PageRoute>();
        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            var key = $"{PageRoutingOptions.SectionName}:Routes:{i}";
            var ok = true;
            PageSource? source = null;
            if (route.Source is { Length: > 0 } name)
            {
                if (PageSourceNames.TryParse(name, out var named))
                {
                    source = named;
                }
                else
                {
                    failures.Add($"{key}:Source is '{name}'; use pagerduty, opsgenie, alertmanager or grafana (or leave it empty for all).");
                    ok = false;
                }
            }

            if (!ChannelKeys.TryParse(route.Channel, out var channel))
            {
                failures.Add($"{key}:Channel is '{route.Channel}'; write the channel's key, platform:workspace:channel (slack:T0123:C0456, teams:<tenant>:<conversation>, web:sandbox:1).");
                ok = false;
            }

            var terms = PageMatchTerm.ParseAll(route.Match, out var matchError);
            if (terms is null)
            {
                failures.Add($"{key}:Match: {matchError}.");
                ok = false;
            }

            var severities = new Dictionary<string, Severity>(StringComparer.OrdinalIgnoreCase);
            foreach (var (priority, severityText) in route.Severity)
            {
                if (SeverityLabels.TryParse(severityText, out var severity))
                {
                    severities[priority.Trim()] = severity;
                }
                else
                {
                    failures.Add($"{key}:Severity:{priority} is '{severityText}'; use sev1, sev2, sev3 or sev4.");
                    ok = false;
                }
            }

            if (ok)
            {
                routes.Add(new PageRoute(i, source, terms!, channel, route.Declare, route.ResolveWithAlert, severities));
            }
        }

        return routes;
    }
}
