using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScribeBot.Slack.Events;

namespace ScribeBot.Slack.WebApi;

/// <summary>
/// Registers the Web API client and the user directory. Internal: the host calls <c>AddSlack(...)</c>, which binds
/// <see cref="SlackOptions"/> and calls this.
/// </summary>
internal static class SlackWebApiServiceCollectionExtensions
{
    /// <summary>Long enough for a file upload, short enough that a hung Slack does not hold a worker for minutes.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddSlackWebApi(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<SlackWebApiClient>((provider, http) =>
        {
            var baseUrl = provider.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;

            // Without the trailing slash, "api" would be replaced by the method name instead of prefixing it.
            http.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
            http.Timeout = Timeout;
        });

        services.TryAddSingleton(provider => new SlackUserDirectory(
            provider.GetRequiredService<SlackWebApiClient>,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISlackUserDirectory>(provider => provider.GetRequiredService<SlackUserDirectory>());
        return services;
    }
}
