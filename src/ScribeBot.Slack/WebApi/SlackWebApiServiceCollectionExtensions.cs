using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// Registers the Web API client and the user directory. Internal: the host calls <c>AddSlack(...)</c>, which binds
/// <see cref="SlackOptions"/> and calls this.
/// </summary>
internal static class SlackWebApiServiceCollectionExtensions
{
    public static IServiceCollection AddSlackWebApi(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<SlackWebApiClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<SlackOptions>>().Value;
            var baseUrl = options.ApiBaseUrl;

            // Without the trailing slash, "api" would be replaced by the method name instead of prefixing it.
            http.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
            http.Timeout = options.RequestTimeout;
        })
            // The default loggers print URLs, and the upload URL is a secret (see SlackHttpLogger).
            .RemoveAllLoggers()
            .AddLogger(provider => new SlackHttpLogger(provider.GetRequiredService<ILogger<SlackHttpLogger>>()));

        services.TryAddSingleton(provider => new SlackUserDirectory(
            provider.GetRequiredService<SlackWebApiClient>,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISlackUserDirectory>(provider => provider.GetRequiredService<SlackUserDirectory>());
        return services;
    }
}
