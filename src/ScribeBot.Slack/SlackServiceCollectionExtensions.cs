using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScribeBot.Core.Followups;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Configuration;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Postmortem.Picture;
using ScribeBot.Core.Storage;
using ScribeBot.Slack.Dispatch;
using ScribeBot.Slack.Endpoint;
using ScribeBot.Slack.Names;
using ScribeBot.Slack.Posting;
using ScribeBot.Slack.SocketMode;
using ScribeBot.Slack.Text;
using ScribeBot.Slack.Verification;
using ScribeBot.Slack.WebApi;

namespace ScribeBot.Slack;

/// <summary>The Slack adapter's registrations; with <see cref="SlackEndpointRouteBuilderExtensions.MapSlack"/> all the host sees of it.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Slack</c> section and registers the endpoint's services. Nothing in the section is
    /// required: a host without Slack configured still starts, and its endpoint refuses every request (no signing
    /// secret means no request verifies).
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .Validate(o => o.ApiBaseUrl is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp),
                "Slack:ApiBaseUrl must be an absolute http(s) URL, e.g. https://slack.com/api/.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.RequestTimeout <= TimeSpan.FromMinutes(5),
                "Slack:RequestTimeout must be more than zero and at most 00:05:00, e.g. 00:00:15.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSlackWebApi();

        services.TryAddSingleton(provider => new SlackRequestVerifier(
            provider.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new SlackBotAccount(
            provider.GetRequiredService<SlackWebApiClient>, provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new SlackBotIdentity(
            provider.GetRequiredService<SlackBotAccount>(),
            provider.GetRequiredService<IOptions<SlackOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SlackBotIdentity>>()));
        services.AddHostedService<SlackBotIdentityStartup>();
        services.TryAddSingleton<IProcessedRequests, InMemoryProcessedRequests>();
        services.TryAddSingleton<SlackEventDeduplicator>();
        services.TryAddSingleton<SlackRequestDeduplicator>();

        // Names are looked up after the commit and kept in the store, for renderers (see SlackPeopleDirectory).
        services.TryAddSingleton(provider => new SlackPersistedNames(provider.GetService<IAdapterStateStore>()));
        services.TryAddSingleton<SlackNameResolver>();
        services.AddHostedService(provider => provider.GetRequiredService<SlackNameResolver>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPeopleDirectory, SlackPeopleDirectory>());
        services.TryAddSingleton(provider => new SlackChannelMembership(
            provider.GetRequiredService<SlackWebApiClient>,
            provider.GetRequiredService<IOptions<SlackOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SlackChannelMembership>>()));

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelPoster, SlackChannelPoster>(provider => new SlackChannelPoster(
            provider.GetRequiredService<SlackWebApiClient>,
            provider.GetRequiredService<SlackBotAccount>(),
            provider.GetRequiredService<IIncidentStore>(),
            provider.GetRequiredService<IAdapterStateStore>(),
            provider.GetServices<IPeopleDirectory>(),
            !string.IsNullOrWhiteSpace(provider.GetRequiredService<IOptions<SlackOptions>>().Value.BotToken),
            provider.GetService<IOptions<ScribeOptions>>()?.Value.PublicBaseUrl,
            provider.GetRequiredService<ILogger<SlackChannelPoster>>(),
            provider.GetService<ITimelinePicture>(),
            provider.GetService<FollowupStates>())));

        // Scoped: they take the typed Web API client, which IHttpClientFactory hands out per use.
        services.TryAddScoped<SlackInboundDispatcher>();
        services.TryAddScoped<SlackEventsEndpoint>();

        // Always registered; it does nothing unless Slack:AppToken is set when the host starts (see the client).
        services.AddHostedService<SlackSocketModeClient>();
        return services.AddSlackMentionSyntax();
    }

    /// <summary>
    /// How Slack names a person in command text (<c>&lt;@U123|name&gt;</c>), for the core's <c>MentionReader</c>.
    /// Part of <see cref="AddSlack"/>; on its own for a host that reads Slack's form without the adapter (replay).
    /// </summary>
    public static IServiceCollection AddSlackMentionSyntax(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMentionSyntax, SlackMentionSyntax>());
        return services;
    }
}
