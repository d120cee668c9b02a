using ScribeBot.Core.Incidents;

namespace ScribeBot.Core.Paging.Routing;

/// <summary>How the sources' priorities read as severities when a route does not say.</summary>
public static class PageSeverity
{
    /// <summary>
    /// PagerDuty and Opsgenie P1..P5 and the usual Alertmanager/Grafana <c>severity</c> labels; anything else, or none,
    /// is SEV3: a page is worth an incident, but not a guess that it is the worst kind.
    /// </summary>
    public static Severity Default(string? priority) => priority?.Trim().ToLowerInvariant() switch
    {
        "p1" or "sev1" or "critical" or "emergency" or "page" => Severity.Sev1,
        "p2" or "sev2" or "high" or "error" or "major" => Severity.Sev2,
        "p3" or "sev3" or "warning" or "warn" or "moderate" or "medium" => Severity.Sev3,
        "p4" or "p5" or "sev4" or "info" or "low" or "minor" or "none" => Severity.Sev4,
        _ => Severity.Sev3,
    };
}
