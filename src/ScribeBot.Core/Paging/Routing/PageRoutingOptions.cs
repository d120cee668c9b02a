namespace ScribeBot.Core.Paging.Routing;

/// <summary>Where pages go: the <c>Alerts:Routes</c> list, tried in order; the first route that matches a page wins.</summary>
public sealed class PageRoutingOptions
{
    public const string SectionName = "Alerts";

    public List<PageRouteOptions> Routes { get; init; } = [];
}

/// <summary>One route as configured (<c>Alerts:Routes:n</c>); <see cref="PageRouter"/> reads it into a <see cref="PageRoute"/>.</summary>
public sealed class PageRouteOptions
{
    /// <summary>pagerduty, opsgenie, alertmanager or grafana; empty matches pages from every source.</summary>
    public string? Source { get; set; }

    /// <summary>
    /// Comma-separated terms, all of which must match: <c>team=payments</c> matches a label by name and value, a bare
    /// term (a PagerDuty service id, an Opsgenie tag) matches any label's value. Empty matches every page of the source.
    /// </summary>
    public string? Match { get; set; }

    /// <summary>The channel's key: <c>slack:T0123:C0456</c>, <c>teams:&lt;tenant&gt;:&lt;conversation&gt;</c>, <c>web:sandbox:1</c>.</summary>
    public string? Channel { get; set; }

    /// <summary>Whether a page with no open incident in the channel opens one (true) or only posts a notice (false).</summary>
    public bool Declare { get; set; } = true;

    /// <summary>Whether the page's resolution resolves the incident; by default a person decides with <c>/incident resolve</c>.</summary>
    public bool ResolveWithAlert { get; set; }

    /// <summary>The source's priority or severity (P1, critical...) to a severity (sev1..sev4), before the built-in table.</summary>
    public Dictionary<string, string> Severity { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
