using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScribeBot.Alerts.Endpoint;
using ScribeBot.Alerts.Sources;
using ScribeBot.Core.Paging;

namespace ScribeBot.Alerts;

/// <summary>The pager adapter's registrations; with <see cref="AlertsEndpointRouteBuilderExtensions.MapAlerts"/> all the host sees of it.</summary>
public static class AlertsServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Alerts</c> section and registers the endpoints' services. No source is required: a
    /// host without any alert secret starts, and every alert endpoint answers 404.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new AlertSources(provider.GetRequiredService<IOptions<AlertsOptions>>().Value));

        // The core registers its intake too; this keeps the adapter whole in a host that has not (yet).
        services.TryAddSingleton<PageIntake>();
        services.TryAddSingleton<IPageReceiver, PageIntakeReceiver>();
        services.TryAddSingleton<AlertEndpoint>();
        return services;
    }
}
