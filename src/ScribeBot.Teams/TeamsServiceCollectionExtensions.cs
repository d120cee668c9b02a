using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Outbox;
using ScribeBot.Teams.Access;
using ScribeBot.Teams.Bot;
using ScribeBot.Teams.Conversations;
using ScribeBot.Teams.Inbound;
using ScribeBot.Teams.Posting;

namespace ScribeBot.Teams;

/// <summary>The Teams adapter's registrations. No Bot Framework type appears in a signature the host sees.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Bot Framework's <c>CloudAdapter</c>, configured by the standard root keys <c>MicrosoftAppType</c>,
    /// <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c> and <c>MicrosoftAppTenantId</c>, its HTTP client with the
    /// <c>Teams:ConnectorTimeout</c> per request, the bot, and the Teams outbox poster. Needs the core, an
    /// <c>IAdapterStateStore</c> and an <c>IIncidentStore</c> registered.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services)
    {
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.AddHttpClient(ConnectorHttpClientFactory.ClientName).ConfigureHttpClient((provider, http) =>
            http.Timeout = provider.GetRequiredService<IOptions<TeamsOptions>>().Value.ConnectorTimeout);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => TeamsIdentity.From(provider.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<TeamsAccess>();
        services.TryAddSingleton<BotFrameworkAuthentication>(provider => new ConfigurationBotFrameworkAuthentication(
            provider.GetRequiredService<IConfiguration>(),
            // The token the bot logs in for is fetched with the connector's client too (its timeout, its handler):
            // without a factory the SDK's MSAL login makes an HttpClient of its own.
            credentialsFactory: new ConfigurationServiceClientCredentialFactory(
                provider.GetRequiredService<IConfiguration>(),
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpClientFactory.ClientName),
                provider.GetRequiredService<ILogger<ConfigurationServiceClientCredentialFactory>>()),
            httpClientFactory: new ConnectorHttpClientFactory(provider.GetRequiredService<IHttpClientFactory>()),
            logger: provider.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));
        services.TryAddSingleton(provider => new CloudAdapter(
            provider.GetRequiredService<BotFrameworkAuthentication>(),
            new CloudAdapterLogger(provider.GetRequiredService<ILogger<CloudAdapter>>(), provider.GetRequiredService<ILogger<TeamsEndpoint>>())));
        services.TryAddSingleton<ConversationAddresses>();
        services.TryAddSingleton<ScribeTeamsBot>();
        services.TryAddSingleton<TeamsEndpoint>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelPoster, TeamsChannelPoster>());
        services.AddHostedService<TeamsStartupWarning>();
        return services.AddTeamsMentionSyntax();
    }

    /// <summary>
    /// How Teams names a person in command text (<c>&lt;at&gt;Name&lt;/at&gt;</c>), for the core's <c>MentionReader</c>.
    /// Part of <see cref="AddTeams"/>; on its own for a host that reads Teams' form without the adapter (replay).
    /// </summary>
    public static IServiceCollection AddTeamsMentionSyntax(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMentionSyntax, TeamsMentionSyntax>());
        return services;
    }
}
