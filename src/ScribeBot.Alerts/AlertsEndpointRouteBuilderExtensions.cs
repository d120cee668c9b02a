using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ScribeBot.Alerts.Endpoint;
using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts;

/// <summary>Maps the pager adapter's endpoints.</summary>
public static class AlertsEndpointRouteBuilderExtensions
{
    public const string PathPrefix = "/alerts";

    /// <summary>
    /// <c>POST /alerts/pagerduty</c>, <c>/alerts/opsgenie</c>, <c>/alerts/alertmanager</c>, <c>/alerts/grafana</c>, as one
    /// group so the host sets its conventions once. Each handler reads the raw body itself: PagerDuty's signature
    /// covers its exact bytes.
    /// </summary>
    public static IEndpointConventionBuilder MapAlerts(this IEndpointRouteBuilder endpoints)
    {
        var alerts = endpoints.MapGroup(PathPrefix).ExcludeFromDescription();
        foreach (var source in Enum.GetValues<PageSource>())
        {
            alerts.MapPost("/" + source.ToName(), (HttpContext context, AlertEndpoint endpoint) => endpoint.HandleAsync(context, source));
        }

        return alerts;
    }

    /// <summary>Where <paramref name="source"/>'s webhook is sent: <c>/alerts/pagerduty</c>.</summary>
    public static string PathOf(PageSource source) => $"{PathPrefix}/{source.ToName()}";
}
